using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Runtime.Emulator;

/// <summary>
/// The runtime side of the Huawei Cloud FunctionGraph custom-runtime API (event functions), written from
/// protocols.md §4 and the FunctionGraph "Custom Runtime" page, served by Kestrel on 127.0.0.1 with an OS-chosen port.
/// <c>GET /v1/runtime/invocation/request</c> long-polls for the next event; <c>POST …/response/{id}</c> and
/// <c>POST …/error/{id}</c> answer it with 200.
/// </summary>
/// <remarks>
/// Emulator choices where the docs say nothing: every <c>GET</c> takes the next queued event (FIFO) and any number of
/// invocations may be outstanding at once (the id is in the path, so answers may come in any order); a result for an
/// unknown id gets 404 <c>{"errorType":"InvalidRequestId"}</c>, a second result for an answered id 409
/// <c>{"errorType":"InvocationAlreadyAnswered"}</c>; a result body over <see cref="HuaweiEmulatorOptions.MaxResponseBytes"/>
/// gets 413 and leaves the invocation outstanding; successful results get 200 with an empty body; the poll has no
/// server-side timeout. The event's Content-Type is <see cref="InvocationOptions.ContentType"/>.
/// </remarks>
public sealed partial class HuaweiRuntimeApiEmulator : IRuntimeApiEmulator
{
    private static readonly InvocationOptions s_defaultInvocation = new();

    private readonly object _gate = new();
    private readonly HuaweiEmulatorOptions _options;
    private readonly RequestJournal _journal;
    private readonly PollFaultQueue _pollFaults = new();
    private readonly LinkedList<PendingInvocation> _queued = new();
    private readonly LinkedList<TaskCompletionSource<PendingInvocation?>> _waiters = new();
    private readonly Dictionary<string, PendingInvocation> _delivered = new(StringComparer.Ordinal);
    private readonly HashSet<PendingInvocation> _incomplete = new();
    private readonly TaskCompletionSource<RecordedRequest> _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<object?> _abandonWaiter;
    private readonly byte[] _tooLargeBody;
    private EmulatorServer? _server;
    private int _outstanding;
    private int _disposed;

    private HuaweiRuntimeApiEmulator(HuaweiEmulatorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxResponseBytes, nameof(options.MaxResponseBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, nameof(options.Timeout));
        _options = options;
        _journal = new RequestJournal(options.RecordRequests);
        _abandonWaiter = AbandonWaiter;
        _tooLargeBody = HttpExchange.ErrorBody(
            "RequestEntityTooLarge",
            string.Create(CultureInfo.InvariantCulture, $"Exceeded maximum allowed payload size ({options.MaxResponseBytes} bytes)."));
        HostAndPort = string.Empty;
        Environment = new Dictionary<string, string>();
    }

    /// <summary>Starts the emulator on 127.0.0.1 with an OS-chosen port.</summary>
    public static async Task<HuaweiRuntimeApiEmulator> StartAsync(HuaweiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new HuaweiRuntimeApiEmulator(options ?? new HuaweiEmulatorOptions());
        emulator._server = await EmulatorServer.StartAsync(0, emulator.HandleAsync, cancellationToken).ConfigureAwait(false);
        emulator.HostAndPort = string.Concat("127.0.0.1:", emulator._server.Port.ToString(CultureInfo.InvariantCulture));
        emulator.Environment = emulator.BuildEnvironment();
        return emulator;
    }

    /// <summary><c>127.0.0.1:&lt;port&gt;</c>: the <c>RUNTIME_API_ADDR</c> value.</summary>
    public string HostAndPort { get; private set; }

    /// <summary>The bound port.</summary>
    public int Port => _server?.Port ?? 0;

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress => new(string.Concat("http://", HostAndPort, "/"));

    /// <summary>The options in force.</summary>
    public HuaweiEmulatorOptions Options => _options;

    /// <summary>Environment variables a bootstrap needs to run against this emulator.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; }

    /// <summary>Completes when the first <c>GET /v1/runtime/invocation/request</c> arrives.</summary>
    public Task<RecordedRequest> FirstPoll => _firstPoll.Task;

    /// <summary>Snapshot copy of every request received, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _journal.Snapshot();

    /// <summary>Invocations handed out and not yet answered (deliveries without a request id are not counted).</summary>
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

    /// <summary>Queues a fault applied to the next <c>GET …/request</c> (FIFO when called several times).</summary>
    public void FailNextPoll(PollFault fault) => _pollFaults.Add(fault);

    /// <summary>
    /// Queues an invocation; the request id is a new GUID unless <see cref="InvocationOptions.RequestId"/> is set.
    /// AWS-only options are ignored; <see cref="InvocationOptions.OmitRequestId"/> delivers the event without
    /// <c>X-Cff-Request-Id</c> (it cannot be answered, so its completion never finishes; the runtime should poll again).
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
        }

        foreach (PendingInvocation invocation in unanswered)
        {
            invocation.Cancel();
        }

        _firstPoll.TrySetCanceled();
        _stopping.Dispose();
    }

    private Dictionary<string, string> BuildEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RUNTIME_API_ADDR"] = HostAndPort,
            ["RUNTIME_PROJECT_ID"] = _options.ProjectId,
            ["RUNTIME_FUNC_NAME"] = _options.FunctionName,
            ["RUNTIME_FUNC_VERSION"] = _options.FunctionVersion,
            ["RUNTIME_PACKAGE"] = _options.Package,
            ["RUNTIME_HANDLER"] = _options.Handler,
            ["RUNTIME_TIMEOUT"] = ((long)_options.Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["RUNTIME_USERDATA"] = _options.UserData,
            ["RUNTIME_CPU"] = _options.Cpu,
            ["RUNTIME_MEMORY"] = _options.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["RUNTIME_CODE_ROOT"] = _options.CodeRoot,
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
        if (string.Equals(path, HuaweiPaths.Request, StringComparison.Ordinal))
        {
            await (isGet ? HandleRequestAsync(context, request) : WriteMethodNotAllowedAsync(context)).ConfigureAwait(false);
            return;
        }

        bool isResponse = path.StartsWith(HuaweiPaths.ResponsePrefix, StringComparison.Ordinal);
        if (isResponse || path.StartsWith(HuaweiPaths.ErrorPrefix, StringComparison.Ordinal))
        {
            string id = path[(isResponse ? HuaweiPaths.ResponsePrefix.Length : HuaweiPaths.ErrorPrefix.Length)..];
            if (id.Length > 0 && !id.Contains('/', StringComparison.Ordinal))
            {
                await (isPost ? HandleResultAsync(context, request, id, isError: !isResponse) : WriteMethodNotAllowedAsync(context)).ConfigureAwait(false);
                return;
            }
        }

        await HttpExchange.WriteAsync(context, StatusCodes.Status404NotFound, AwsBodies.NotFound).ConfigureAwait(false);
    }

    private static Task WriteMethodNotAllowedAsync(HttpContext context) =>
        HttpExchange.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, AwsBodies.MethodNotAllowed);
}
