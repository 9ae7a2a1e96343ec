using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Runtime.Emulator;

/// <summary>
/// The runtime side of the AWS Lambda Runtime API (<c>/2018-06-01</c>), written from the platform documentation
/// (shared/docs/protocols.md §1) and served by Kestrel on 127.0.0.1 with an OS-chosen port.
/// Tests and benchmarks queue invocations, point a bootstrap at <see cref="Environment"/>, and await each
/// <see cref="PendingInvocation.Completion"/>. Every request is recorded; faults can be injected per poll and per invocation.
/// </summary>
public sealed partial class AwsRuntimeApiEmulator : IRuntimeApiEmulator
{
    /// <summary>Account id used in the invoked-function ARN (the one the Runtime Interface Emulator presents).</summary>
    public const string AccountId = "012345678912";

    private static readonly InvocationOptions s_defaultInvocation = new();

    private readonly object _gate = new();
    private readonly AwsEmulatorOptions _options;
    private readonly RequestJournal _journal;
    private readonly PollFaultQueue _pollFaults = new();
    private readonly LinkedList<PendingInvocation> _queued = new();
    private readonly LinkedList<TaskCompletionSource<PendingInvocation?>> _waiters = new();
    private readonly Dictionary<string, PendingInvocation> _delivered = new(StringComparer.Ordinal);
    private readonly HashSet<PendingInvocation> _incomplete = new();
    private readonly TaskCompletionSource<RecordedRequest> _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InitErrorReport> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly byte[] _tooLargeBody;
    private readonly long _timeoutMs;
    private readonly Action<object?> _abandonWaiter;
    private EmulatorServer? _server;
    private int _outstanding;
    private int _disposed;

    private AwsRuntimeApiEmulator(AwsEmulatorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, nameof(options.MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxResponseBytes, nameof(options.MaxResponseBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, nameof(options.Timeout));
        _options = options;
        _journal = new RequestJournal(options.RecordRequests);
        _timeoutMs = (long)options.Timeout.TotalMilliseconds;
        _abandonWaiter = AbandonWaiter;
        FunctionArn = string.Concat("arn:aws:lambda:", options.Region, ":", AccountId, ":function:", options.FunctionName);
        _tooLargeBody = HttpExchange.ErrorBody(
            "RequestEntityTooLarge",
            string.Create(CultureInfo.InvariantCulture, $"Exceeded maximum allowed payload size ({options.MaxResponseBytes} bytes)."));
        HostAndPort = string.Empty;
        Environment = new Dictionary<string, string>();
    }

    /// <summary>Starts the emulator on 127.0.0.1 with an OS-chosen port.</summary>
    public static async Task<AwsRuntimeApiEmulator> StartAsync(AwsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new AwsRuntimeApiEmulator(options ?? new AwsEmulatorOptions());
        emulator._server = await EmulatorServer.StartAsync(0, emulator.HandleAsync, cancellationToken).ConfigureAwait(false);
        emulator.HostAndPort = string.Concat("127.0.0.1:", emulator._server.Port.ToString(CultureInfo.InvariantCulture));
        emulator.Environment = emulator.BuildEnvironment();
        return emulator;
    }

    /// <summary><c>127.0.0.1:&lt;port&gt;</c>: the <c>AWS_LAMBDA_RUNTIME_API</c> value.</summary>
    public string HostAndPort { get; private set; }

    /// <summary>The bound port.</summary>
    public int Port => _server?.Port ?? 0;

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/2018-06-01/</c>.</summary>
    public Uri BaseAddress => new(string.Concat("http://", HostAndPort, "/2018-06-01/"));

    /// <summary><c>arn:aws:lambda:&lt;region&gt;:012345678912:function:&lt;name&gt;</c>.</summary>
    public string FunctionArn { get; }

    /// <summary>The options in force.</summary>
    public AwsEmulatorOptions Options => _options;

    /// <summary>Environment variables a bootstrap needs to run against this emulator.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; }

    /// <summary>Completes when the first <c>GET /next</c> arrives (its <see cref="RecordedRequest.Timestamp"/> = arrival).</summary>
    public Task<RecordedRequest> FirstPoll => _firstPoll.Task;

    /// <summary>Completes when the first <c>POST /runtime/init/error</c> arrives.</summary>
    public Task<InitErrorReport> InitError => _initError.Task;

    /// <summary>Snapshot copy of every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _journal.Snapshot();

    /// <summary>Invocations handed out by <c>/next</c> and not yet answered.</summary>
    public int OutstandingInvocations
    {
        get
        {
            lock (_gate)
            {
                return _outstanding;
            }
        }
    }

    /// <summary>Queues a fault applied to the next <c>GET /next</c> (FIFO when called several times).</summary>
    public void FailNextPoll(PollFault fault) => _pollFaults.Add(fault);

    /// <summary>Queues an invocation; the request id is a new GUID unless <see cref="InvocationOptions.RequestId"/> is set.</summary>
    public PendingInvocation Enqueue(ReadOnlyMemory<byte> payload, InvocationOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        options ??= s_defaultInvocation;
        var invocation = new PendingInvocation(
            options.RequestId ?? Ids.NewRequestId(),
            _options.SendInvocationId ? Ids.NewRequestId() : null,
            options.TraceId ?? Ids.NewTraceId(),
            payload.ToArray(),
            options);
        lock (_gate)
        {
            _incomplete.Add(invocation);
            _queued.AddLast(invocation);
            DispatchLocked();
        }

        return invocation;
    }

    /// <summary>Queues an invocation with a UTF-8 payload.</summary>
    public PendingInvocation Enqueue(string payloadUtf8, InvocationOptions? options = null) =>
        Enqueue(Encoding.UTF8.GetBytes(payloadUtf8), options);

    /// <summary>The Runtime Interface Emulator's user-facing invoke, as a method: enqueue, then await the runtime's answer.</summary>
    public Task<InvocationOutcome> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationOptions? options = null, CancellationToken cancellationToken = default) =>
        Enqueue(payload, options).Completion.WaitAsync(cancellationToken);

    /// <summary>The Runtime Interface Emulator's user-facing invoke with a UTF-8 payload.</summary>
    public Task<InvocationOutcome> InvokeAsync(string payload, InvocationOptions? options = null, CancellationToken cancellationToken = default) =>
        Enqueue(payload, options).Completion.WaitAsync(cancellationToken);

    /// <summary>Stops the server (pending long polls are aborted) and cancels every unanswered <see cref="PendingInvocation.Completion"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Releases every long poll (their handlers abort their connections), so the server stops promptly.
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        PendingInvocation[] unanswered;
        lock (_gate)
        {
            unanswered = new PendingInvocation[_incomplete.Count];
            _incomplete.CopyTo(unanswered);
            _incomplete.Clear();
            _queued.Clear();
        }

        foreach (PendingInvocation invocation in unanswered)
        {
            invocation.Cancel();
        }

        _firstPoll.TrySetCanceled();
        _initError.TrySetCanceled();
        _stopping.Dispose();
    }

    private Dictionary<string, string> BuildEnvironment()
    {
        string today = DateTime.UtcNow.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = HostAndPort,
            ["AWS_LAMBDA_FUNCTION_NAME"] = _options.FunctionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = _options.FunctionVersion,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = _options.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["AWS_REGION"] = _options.Region,
            ["AWS_DEFAULT_REGION"] = _options.Region,
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + _options.FunctionName,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = string.Concat(today, "/[", _options.FunctionVersion, "]", Ids.NewHex32()),
            ["LAMBDA_TASK_ROOT"] = _options.TaskRoot,
            ["LAMBDA_RUNTIME_DIR"] = "/var/runtime",
            ["_HANDLER"] = _options.Handler,
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = _options.InitializationType,
            ["AWS_ACCESS_KEY_ID"] = _options.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = _options.SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = _options.SessionToken,
            ["TZ"] = "UTC",
        };
        if (_options.MaxConcurrency > 1)
        {
            env["AWS_LAMBDA_MAX_CONCURRENCY"] = _options.MaxConcurrency.ToString(CultureInfo.InvariantCulture);
        }

        if (_options.LogFormat is not null)
        {
            env["AWS_LAMBDA_LOG_FORMAT"] = _options.LogFormat;
        }

        if (_options.LogLevel is not null)
        {
            env["AWS_LAMBDA_LOG_LEVEL"] = _options.LogLevel;
        }

        if (_options.AdditionalEnvironment is not null)
        {
            foreach (KeyValuePair<string, string> pair in _options.AdditionalEnvironment)
            {
                env[pair.Key] = pair.Value;
            }
        }

        return env;
    }

    private async Task HandleAsync(HttpContext context)
    {
        RecordedRequest request = await HttpExchange.RecordAsync(context, _journal, context.RequestAborted).ConfigureAwait(false);
        string path = request.Path;
        string method = request.Method;

        if (string.Equals(path, AwsPaths.Next, StringComparison.Ordinal))
        {
            await (HttpMethods.IsGet(method) ? HandleNextAsync(context, request) : WriteMethodNotAllowedAsync(context)).ConfigureAwait(false);
            return;
        }

        if (path.StartsWith(AwsPaths.InvocationPrefix, StringComparison.Ordinal))
        {
            ReadOnlySpan<char> rest = path.AsSpan(AwsPaths.InvocationPrefix.Length);
            int slash = rest.IndexOf('/');
            if (slash > 0)
            {
                ReadOnlySpan<char> action = rest[(slash + 1)..];
                bool isResponse = action.SequenceEqual("response");
                if (isResponse || action.SequenceEqual("error"))
                {
                    await (HttpMethods.IsPost(method)
                        ? HandleResultAsync(context, request, rest[..slash].ToString(), isError: !isResponse)
                        : WriteMethodNotAllowedAsync(context)).ConfigureAwait(false);
                    return;
                }
            }
        }
        else if (string.Equals(path, AwsPaths.InitError, StringComparison.Ordinal))
        {
            await (HttpMethods.IsPost(method) ? HandleInitErrorAsync(context, request) : WriteMethodNotAllowedAsync(context)).ConfigureAwait(false);
            return;
        }

        await HttpExchange.WriteAsync(context, StatusCodes.Status404NotFound, AwsBodies.NotFound).ConfigureAwait(false);
    }

    private static Task WriteMethodNotAllowedAsync(HttpContext context) =>
        HttpExchange.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, AwsBodies.MethodNotAllowed);
}
