using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Runtime.Emulator;

/// <summary>
/// The runtime side of the Tencent SCF custom-runtime API (event functions), written from protocols.md §2 and served by
/// Kestrel on 127.0.0.1 with an OS-chosen port. Strictly one invocation at a time: a <c>/next</c> while one is outstanding
/// returns the same event again, and <c>/response</c> / <c>/error</c> (no id in the path) answer the current one.
/// </summary>
/// <remarks>
/// Emulator choices where the docs say nothing: a response or error with no invocation outstanding gets 400
/// <c>{"errorType":"NoOutstandingInvocation"}</c>; successful POSTs get 200 with an empty body; an over-size body gets
/// 413 and leaves the invocation outstanding (the runtime can still post <c>/error</c>); a <c>/next</c> before
/// <c>/runtime/init/ready</c> is served but recorded in <see cref="PolledBeforeReady"/>.
/// </remarks>
public sealed partial class ScfRuntimeApiEmulator : IRuntimeApiEmulator
{
    private static readonly InvocationOptions s_defaultInvocation = new();

    private readonly object _gate = new();
    private readonly ScfEmulatorOptions _options;
    private readonly RequestJournal _journal;
    private readonly PollFaultQueue _pollFaults = new();
    private readonly LinkedList<PendingInvocation> _queued = new();
    private readonly List<TaskCompletionSource<PendingInvocation?>> _waiters = new();
    private readonly HashSet<PendingInvocation> _incomplete = new();
    private readonly TaskCompletionSource<RecordedRequest> _initReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<RecordedRequest> _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<object?> _abandonWaiter;
    private readonly byte[] _tooLargeBody;
    private readonly string _memoryLimit;
    private readonly string _timeLimit;
    private EmulatorServer? _server;
    private PendingInvocation? _current;
    private bool _ready;
    private bool _polledBeforeReady;
    private int _disposed;

    private ScfRuntimeApiEmulator(ScfEmulatorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxResponseBytes, nameof(options.MaxResponseBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, nameof(options.Timeout));
        _options = options;
        _journal = new RequestJournal(options.RecordRequests);
        _abandonWaiter = AbandonWaiter;
        _memoryLimit = options.MemorySizeMb.ToString(CultureInfo.InvariantCulture);
        _timeLimit = ((long)options.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        _tooLargeBody = HttpExchange.ErrorBody(
            "RequestEntityTooLarge",
            string.Create(CultureInfo.InvariantCulture, $"Exceeded maximum allowed payload size ({options.MaxResponseBytes} bytes)."));
        Host = "127.0.0.1";
        Environment = new Dictionary<string, string>();
    }

    /// <summary>Starts the emulator on 127.0.0.1 with an OS-chosen port.</summary>
    public static async Task<ScfRuntimeApiEmulator> StartAsync(ScfEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new ScfRuntimeApiEmulator(options ?? new ScfEmulatorOptions());
        emulator._server = await EmulatorServer.StartAsync(0, emulator.HandleAsync, cancellationToken).ConfigureAwait(false);
        emulator.Port = emulator._server.Port;
        emulator.Environment = emulator.BuildEnvironment();
        return emulator;
    }

    /// <summary><c>SCF_RUNTIME_API</c>: the address (no port, no scheme).</summary>
    public string Host { get; }

    /// <summary><c>SCF_RUNTIME_API_PORT</c>.</summary>
    public int Port { get; private set; }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress => new(string.Concat("http://", Host, ":", Port.ToString(CultureInfo.InvariantCulture), "/"));

    /// <summary>The options in force.</summary>
    public ScfEmulatorOptions Options => _options;

    /// <summary>Environment variables a bootstrap needs to run against this emulator.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; }

    /// <summary>Completes when the first <c>POST /runtime/init/ready</c> arrives (the first one counts).</summary>
    public Task<RecordedRequest> InitReady => _initReady.Task;

    /// <summary>Completes when the first <c>GET /runtime/invocation/next</c> arrives.</summary>
    public Task<RecordedRequest> FirstPoll => _firstPoll.Task;

    /// <summary>True if a <c>GET /next</c> arrived before <c>POST /runtime/init/ready</c> (a protocol violation).</summary>
    public bool PolledBeforeReady
    {
        get
        {
            lock (_gate)
            {
                return _polledBeforeReady;
            }
        }
    }

    /// <summary>1 while an invocation has been handed out and not answered, else 0.</summary>
    public int OutstandingInvocations
    {
        get
        {
            lock (_gate)
            {
                return _current is null ? 0 : 1;
            }
        }
    }

    /// <summary>Snapshot copy of every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _journal.Snapshot();

    /// <summary>Queues a fault applied to the next <c>GET /next</c> (FIFO when called several times).</summary>
    public void FailNextPoll(PollFault fault) => _pollFaults.Add(fault);

    /// <summary>
    /// Queues an invocation; the request id is a new GUID unless <see cref="InvocationOptions.RequestId"/> is set.
    /// AWS-only options (client context, Cognito, tenant, ARN) are ignored; <see cref="InvocationOptions.OmitRequestId"/>
    /// omits the <c>request_id</c> header (the invocation can still be answered, SCF has no id in the path).
    /// </summary>
    public PendingInvocation Enqueue(ReadOnlyMemory<byte> payload, InvocationOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        options ??= s_defaultInvocation;
        var invocation = new PendingInvocation(options.RequestId ?? Ids.NewRequestId(), null, options.TraceId ?? string.Empty, payload.ToArray(), options);
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

    /// <summary>Enqueue, then await the runtime's answer.</summary>
    public Task<InvocationOutcome> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationOptions? options = null, CancellationToken cancellationToken = default) =>
        Enqueue(payload, options).Completion.WaitAsync(cancellationToken);

    /// <summary>Enqueue a UTF-8 payload, then await the runtime's answer.</summary>
    public Task<InvocationOutcome> InvokeAsync(string payload, InvocationOptions? options = null, CancellationToken cancellationToken = default) =>
        Enqueue(payload, options).Completion.WaitAsync(cancellationToken);

    /// <summary>Stops the server (pending long polls are aborted) and cancels every unanswered <see cref="PendingInvocation.Completion"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

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
            _current = null;
        }

        foreach (PendingInvocation invocation in unanswered)
        {
            invocation.Cancel();
        }

        _initReady.TrySetCanceled();
        _firstPoll.TrySetCanceled();
        _stopping.Dispose();
    }

    private Dictionary<string, string> BuildEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SCF_RUNTIME_API"] = Host,
            ["SCF_RUNTIME_API_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["_HANDLER"] = _options.Handler,
            ["SCF_FUNCTIONNAME"] = _options.FunctionName,
            ["SCF_FUNCTIONVERSION"] = _options.FunctionVersion,
            ["SCF_NAMESPACE"] = _options.Namespace,
            ["TENCENTCLOUD_REGION"] = _options.Region,
            ["TENCENTCLOUD_APPID"] = _options.AppId,
            ["TENCENTCLOUD_UIN"] = _options.Uin,
            ["TENCENTCLOUD_SECRETID"] = _options.SecretId,
            ["TENCENTCLOUD_SECRETKEY"] = _options.SecretKey,
            ["TENCENTCLOUD_SESSIONTOKEN"] = _options.SessionToken,
        };
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
        bool isGet = HttpMethods.IsGet(request.Method);
        bool isPost = HttpMethods.IsPost(request.Method);
        Task handled = path switch
        {
            ScfPaths.Next => isGet ? HandleNextAsync(context, request) : WriteMethodNotAllowedAsync(context),
            ScfPaths.Response => isPost ? HandleResultAsync(context, request, isError: false) : WriteMethodNotAllowedAsync(context),
            ScfPaths.Error => isPost ? HandleResultAsync(context, request, isError: true) : WriteMethodNotAllowedAsync(context),
            ScfPaths.InitReady => isPost ? HandleInitReadyAsync(context, request) : WriteMethodNotAllowedAsync(context),
            _ => HttpExchange.WriteAsync(context, StatusCodes.Status404NotFound, AwsBodies.NotFound),
        };
        await handled.ConfigureAwait(false);
    }

    private Task HandleInitReadyAsync(HttpContext context, RecordedRequest request)
    {
        lock (_gate)
        {
            _ready = true;
        }

        _initReady.TrySetResult(request);
        return HttpExchange.WriteAsync(context, StatusCodes.Status200OK, Array.Empty<byte>(), contentType: null);
    }

    private static Task WriteMethodNotAllowedAsync(HttpContext context) =>
        HttpExchange.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, AwsBodies.MethodNotAllowed);
}
