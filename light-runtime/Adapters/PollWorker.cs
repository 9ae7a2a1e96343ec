using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;
using Runtime.Light.Http;
using Serilog;
using Serilog.Events;

namespace Runtime.Light.Adapters;

/// <summary>
/// One poll loop: next event, invoke, deliver exactly one result or error, repeat. It runs on a thread of its own
/// and blocks on its socket (see <see cref="HttpConnection"/> for why); a handler that awaits real I/O continues on
/// the thread pool while this thread waits for it. Owns one keep-alive connection and reuses its buffers, so a
/// steady-state invocation allocates only what the event itself needs. Several run side by side when the platform
/// allows concurrent invocations.
/// Fault rules (see <see cref="PollPolicy"/>): a lost connection while polling reconnects, up to the policy's number
/// of failures in a row; a non-200 answer to the poll ends the loop where the policy says so and is retried where it
/// does not; a 5xx to a post, or a post that fails twice, ends the loop with <see cref="PlatformApiException"/> (the
/// platform replaces the instance).
/// </summary>
internal sealed class PollWorker : IDisposable
{
    private readonly IPollProtocol _protocol;
    private readonly HttpConnection _connection;
    private readonly FunctionRuntime _runtime;
    private readonly IHttpEventCodec? _codec;
    private readonly ILogger _logger;
    private readonly long _maxEventBytes;
    private PooledBufferWriter _payload = new(16 * 1024);
    private PooledBufferWriter _output = new(16 * 1024);
    private readonly PooledBufferWriter _errorBody = new(1024);
    private readonly PooledBufferWriter _answer = new(256);

    public IPollProtocol Protocol => _protocol;

    public HttpConnection Connection => _connection;

    public PollWorker(IPollProtocol protocol, HttpConnection connection, FunctionRuntime runtime, IHttpEventCodec? codec,
        ILogger logger, long maxEventBytes)
    {
        _protocol = protocol;
        _connection = connection;
        _runtime = runtime;
        _codec = codec;
        _logger = logger;
        _maxEventBytes = maxEventBytes;
    }

    /// <summary>Invocations this loop has completed (answered, or dropped because the platform gave no id).</summary>
    public long Completed { get; private set; }

    /// <summary>
    /// Polls and serves until <paramref name="stopping"/> fires; throws <see cref="PlatformApiException"/> on a fatal
    /// platform answer. <paramref name="firstPollWritten"/> says the first poll was already written on this loop's
    /// connection (by the thread that started the loop), so the loop begins by reading its answer.
    /// </summary>
    public void Run(CancellationToken stopping, bool firstPollWritten = false)
    {
        int failures = 0;
        PollPolicy policy = _protocol.Policy;
        while (!stopping.IsCancellationRequested)
        {
            _payload.Reset(4 * 1024 * 1024);
            ResponseHead head;
            string? failure = null;
            try
            {
                if (firstPollWritten)
                {
                    firstPollWritten = false;
                    head = _connection.Read(_payload, _maxEventBytes, stopping);
                }
                else
                {
                    _protocol.StartNext(_connection);
                    head = _connection.Send(default, hasBody: false, _payload, _maxEventBytes, stopping);
                }
                if (head.StatusCode != 200)
                {
                    string answer = $"{_protocol.Platform} answered {head.StatusCode} to the poll for the next event ({Describe(_payload)})";
                    if (policy.NonOkIsFatal)
                    {
                        throw new PlatformApiException(answer + "; the instance cannot go on.");
                    }
                    failure = answer;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpTransportException ex)
            {
                head = null!;
                failure = ex.Message;
                if (ex.Head is { StatusCode: 200 } cut && !policy.RedeliversUnanswered
                    && _protocol.TryReadInvocation(cut, _logger, out PolledInvocation unreadable))
                {
                    // The platform handed this invocation out (its head arrived) and will not hand it out again: answer
                    // it with an error now, or it could only time out (issue 6, fault matrix event-truncated).
                    ReportUnreadableEvent(unreadable, ex.Message);
                    Completed++;
                }
            }

            PolledInvocation polled = default;
            if (failure is null && !_protocol.TryReadInvocation(head, _logger, out polled))
            {
                Completed++;
                if (policy.NonOkIsFatal)
                {
                    continue; // the protocol logged why; the platform times that event out
                }
                failure = "the event came without a request id";
            }
            if (failure is not null)
            {
                failures++;
                if (failures >= policy.MaxConsecutiveFailures)
                {
                    throw new PlatformApiException(
                        $"Polling {_protocol.Platform} for the next event failed {failures} times in a row; last: {failure}");
                }
                _logger.Warning("Polling {Platform} for the next event failed ({Reason}); polling again, attempt {Attempt} of {MaxAttempts}",
                    _protocol.Platform, failure, failures + 1, policy.MaxConsecutiveFailures);
                if (stopping.WaitHandle.WaitOne(policy.Delay(failures)))
                {
                    return;
                }
                continue;
            }
            failures = 0;
            InvokeAndDeliver(polled);
            Completed++;
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _payload.Dispose();
        _output.Dispose();
        _errorBody.Dispose();
        _answer.Dispose();
    }

    private void InvokeAndDeliver(PolledInvocation polled)
    {
        long started = Stopwatch.GetTimestamp();
        _output.Reset(4 * 1024 * 1024);
        var invocation = new Invocation
        {
            RequestId = polled.RequestId,
            Deadline = polled.Deadline,
            TraceId = polled.TraceId,
            Payload = _payload.WrittenMemory,
            ContentType = polled.ContentType,
            PlatformContext = polled.PlatformContext,
            HttpCodec = _codec,
            Output = _output,
            StartTimestamp = started, // the context's StartTimestamp: one clock read for the log line and the engine
        };
        ValueTask<InvocationResult> invoking = _runtime.InvokeAsync(invocation);
        // This thread exists to run this loop, so waiting here blocks no one: an async handler's continuations run on
        // the thread pool and signal the task. A handler that completes synchronously costs no wait at all.
        InvocationResult result = invoking.IsCompletedSuccessfully ? invoking.Result : invoking.AsTask().GetAwaiter().GetResult();
        if (result.Abandoned)
        {
            // The handler runs on past its deadline and may still read the event and write the output: both buffers
            // are left to it (and then to the GC, not the pool), and this loop goes on with new ones.
            _payload = new PooledBufferWriter(16 * 1024);
            _output = new PooledBufferWriter(16 * 1024);
        }

        DeliveryStatus status;
        if (result.Error is null)
        {
            status = Post(polled, null, result.ContentType);
            if (status == DeliveryStatus.TooLarge)
            {
                FaaSError tooLarge = FaaSErrorFactory.Create(ErrorTypes.ResponseTooLarge,
                    $"The function's response of {_output.WrittenCount} bytes is larger than {_protocol.Platform} accepts.",
                    FaaSErrorCategory.Function);
                _logger.Error("Invocation {RequestId} failed with {ErrorType}: {ResponseBytes} bytes refused by the platform",
                    polled.RequestId, tooLarge.ErrorType, _output.WrittenCount);
                status = Post(polled, tooLarge, null);
            }
        }
        else
        {
            status = Post(polled, result.Error, null);
        }

        switch (status)
        {
            case DeliveryStatus.Accepted:
                break;
            case DeliveryStatus.Gone:
                _logger.Warning("Invocation {RequestId} had already timed out on the platform; its result was dropped", polled.RequestId);
                break;
            case DeliveryStatus.TooLarge:
                _logger.Error("The platform refused even the error report of invocation {RequestId} as too large", polled.RequestId);
                break;
            case DeliveryStatus.Rejected:
                _logger.Error("The platform refused the result of invocation {RequestId}: {PlatformAnswer}", polled.RequestId, Describe(_answer));
                break;
            default:
                throw new PlatformApiException(
                    $"{_protocol.Platform} answered with a server error to the result of invocation {polled.RequestId} ({Describe(_answer)}); the instance cannot go on.");
        }
        if (_logger.IsEnabled(LogEventLevel.Debug))
        {
            _logger.Debug("Invocation {RequestId} done in {ElapsedUs:F0} us ({Outcome})", polled.RequestId,
                Stopwatch.GetElapsedTime(started).TotalMicroseconds, result.IsSuccess ? "response" : "error");
        }
    }

    private void ReportUnreadableEvent(PolledInvocation polled, string reason)
    {
        FaaSError error = FaaSErrorFactory.Create(ErrorTypes.InvalidEvent,
            $"The event from {_protocol.Platform} could not be read whole: {reason}");
        _logger.Error("Invocation {RequestId} failed with {ErrorType}: its event could not be read ({Reason})",
            polled.RequestId, error.ErrorType, reason);
        if (Post(polled, error, null) == DeliveryStatus.Fatal)
        {
            throw new PlatformApiException(
                $"{_protocol.Platform} answered with a server error to the error report of invocation {polled.RequestId} ({Describe(_answer)}); the instance cannot go on.");
        }
    }

    /// <summary>Posts the result (error null) or the error; retries once on a fresh connection if the post is lost.</summary>
    private DeliveryStatus Post(PolledInvocation polled, FaaSError? error, string? contentType)
    {
        ReadOnlyMemory<byte> body;
        if (error is null)
        {
            body = _output.WrittenMemory;
        }
        else
        {
            _errorBody.Reset();
            error.WriteJson(_errorBody);
            body = _errorBody.WrittenMemory;
        }
        for (int attempt = 1; ; attempt++)
        {
            _answer.Reset();
            if (error is null)
            {
                _protocol.StartResponse(_connection, polled, contentType);
            }
            else
            {
                _protocol.StartError(_connection, polled, error);
            }
            try
            {
                ResponseHead head = _connection.Send(body, hasBody: true, _answer, 64 * 1024);
                return _protocol.Classify(head.StatusCode);
            }
            catch (HttpTransportException ex) when (attempt == 1)
            {
                _logger.Warning("Posting the {What} of invocation {RequestId} failed ({Reason}); retrying on a new connection",
                    error is null ? "response" : "error", polled.RequestId, ex.Message);
            }
            catch (HttpTransportException ex)
            {
                throw new PlatformApiException(
                    $"Posting the {(error is null ? "response" : "error")} of invocation {polled.RequestId} failed twice: {ex.Message}", ex);
            }
        }
    }

    private static string Describe(PooledBufferWriter answer)
    {
        // The platform's own error JSON (e.g. {"errorType":"InvalidRequestID",...}); never a function payload.
        ReadOnlySpan<byte> text = answer.WrittenSpan;
        if (text.Length > 512)
        {
            text = text[..512];
        }
        return text.IsEmpty ? "no body" : Encoding.UTF8.GetString(text);
    }
}
