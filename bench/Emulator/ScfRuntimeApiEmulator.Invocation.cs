using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Runtime.Emulator;

/// <summary><c>GET /runtime/invocation/next</c>, <c>POST /runtime/invocation/response|error</c>.</summary>
public sealed partial class ScfRuntimeApiEmulator
{
    private static readonly TimeSpan s_slowHeadersDelay = TimeSpan.FromMilliseconds(200);
    private static readonly byte[] s_noOutstanding =
        HttpExchange.ErrorBody("NoOutstandingInvocation", "No invocation is outstanding: call /runtime/invocation/next first");

    private async Task HandleNextAsync(HttpContext context, RecordedRequest request)
    {
        _firstPoll.TrySetResult(request);
        lock (_gate)
        {
            _polledBeforeReady |= !_ready;
        }

        PollFault fault = _pollFaults.Take();
        if (fault == PollFault.InternalServerError)
        {
            await HttpExchange.WriteAsync(context, StatusCodes.Status500InternalServerError, AwsBodies.InternalError).ConfigureAwait(false);
            return;
        }

        if (fault == PollFault.Gone)
        {
            await HttpExchange.WriteAsync(context, StatusCodes.Status410Gone, AwsBodies.InvokeTimeout).ConfigureAwait(false);
            return;
        }

        if (fault == PollFault.DropConnection)
        {
            context.Abort();
            return;
        }

        PendingInvocation? invocation;
        TaskCompletionSource<PendingInvocation?>? waiter = null;
        lock (_gate)
        {
            // The docs: calling /next again during the same invocation returns the same event.
            invocation = _current;
            if (invocation is null && _queued.First is { } first)
            {
                _queued.RemoveFirst();
                _current = invocation = first.Value;
            }

            if (invocation is null)
            {
                waiter = new TaskCompletionSource<PendingInvocation?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(waiter);
            }
        }

        if (waiter is not null)
        {
            using (context.RequestAborted.UnsafeRegister(_abandonWaiter, waiter))
            using (_stopping.Token.UnsafeRegister(_abandonWaiter, waiter))
            {
                invocation = await waiter.Task.ConfigureAwait(false);
            }
        }

        if (invocation is not null && fault == PollFault.SlowHeaders)
        {
            // Injected latency, not a test wait: it holds back the response headers of this one poll (cut short by disposal).
            await Task.Delay(s_slowHeadersDelay, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Nothing to send back (client gone or disposing). The invocation, if any, stays current: the next /next gets it.
        if (invocation is null || context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            context.Abort();
            return;
        }

        invocation.MarkDelivered(Stopwatch.GetTimestamp(), 0);
        HttpResponse response = context.Response;
        IHeaderDictionary headers = response.Headers;
        response.StatusCode = StatusCodes.Status200OK;
        if (!invocation.Options.OmitRequestId)
        {
            headers["request_id"] = invocation.RequestId;
        }

        headers["memory_limit_in_mb"] = _memoryLimit;
        headers["time_limit_in_ms"] = _timeLimit;
        response.ContentType = invocation.Options.ContentType;
        await HttpExchange.WritePayloadAsync(context, invocation.PayloadBytes, invocation.Options.TruncateEvent && invocation.DeliveryCount == 1).ConfigureAwait(false);
    }

    private async Task HandleResultAsync(HttpContext context, RecordedRequest request, bool isError)
    {
        long received = Stopwatch.GetTimestamp();
        PendingInvocation? invocation;
        InvocationOutcome? outcome = null;
        bool drop = false;
        int status;
        byte[] body;
        lock (_gate)
        {
            invocation = _current;
            if (invocation is null)
            {
                status = StatusCodes.Status400BadRequest;
                body = s_noOutstanding;
            }
            else
            {
                ResponseFault fault = invocation.PendingFault;
                invocation.PendingFault = ResponseFault.None;
                (status, body, drop) = fault switch
                {
                    ResponseFault.DropConnection => (0, Array.Empty<byte>(), true),
                    ResponseFault.Gone => (StatusCodes.Status410Gone, AwsBodies.InvokeTimeout, false),
                    ResponseFault.InternalServerError => (StatusCodes.Status500InternalServerError, AwsBodies.InternalError, false),
                    ResponseFault.RequestEntityTooLarge => (StatusCodes.Status413PayloadTooLarge, _tooLargeBody, false),
                    _ when request.Body.Length > _options.MaxResponseBytes => (StatusCodes.Status413PayloadTooLarge, _tooLargeBody, false),
                    _ => (StatusCodes.Status200OK, Array.Empty<byte>(), false),
                };

                if (status is StatusCodes.Status200OK or StatusCodes.Status410Gone or StatusCodes.Status500InternalServerError)
                {
                    invocation.IsCompleted = true;
                    _current = null;
                    _incomplete.Remove(invocation);
                    outcome = new InvocationOutcome(invocation.RequestId, isError, request, invocation.DeliveredTimestamp, received, status);
                    DispatchLocked();
                }
            }
        }

        if (outcome is not null)
        {
            invocation!.Complete(outcome);
        }

        if (drop)
        {
            context.Abort();
            return;
        }

        await HttpExchange.WriteAsync(context, status, body, status == StatusCodes.Status200OK ? null : "application/json").ConfigureAwait(false);
    }

    private void AbandonWaiter(object? state)
    {
        var waiter = (TaskCompletionSource<PendingInvocation?>)state!;
        lock (_gate)
        {
            if (!_waiters.Remove(waiter))
            {
                return;
            }
        }

        waiter.TrySetResult(null);
    }

    /// <summary>When nothing is current, the next queued invocation becomes current and every waiting poll gets it. Caller holds <see cref="_gate"/>.</summary>
    private void DispatchLocked()
    {
        if (_current is not null || _waiters.Count == 0 || _queued.First is not { } next)
        {
            return;
        }

        _queued.RemoveFirst();
        _current = next.Value;
        foreach (TaskCompletionSource<PendingInvocation?> waiter in _waiters)
        {
            waiter.TrySetResult(next.Value);
        }

        _waiters.Clear();
    }
}
