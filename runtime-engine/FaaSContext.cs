using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;
using Serilog;

namespace Runtime.Engine;

/// <summary>
/// Everything a function sees of one invocation, the same on every cloud: identity, deadline, trace, the
/// function's description, a logger scoped to the invocation, the raw event, the platform's own context,
/// an HTTP request/response view for HTTP-shaped events, and a service scope.
/// Valid only until the handler's task completes; do not keep it (or <see cref="Event"/>) afterwards.
/// </summary>
public sealed class FaaSContext
{
    private readonly Invocation _invocation;
    private readonly ILogger _runtimeLogger;
    private readonly IServiceProvider _rootServices;
    private readonly CancellationToken _shutdown;
    private ILogger? _logger;
    private AsyncServiceScope? _scope;
    private CancellationTokenSource? _deadlineSource;
    private Dictionary<string, object?>? _items;
    private FaaSRequest? _request;
    private bool _requestDecoded;
    private FaaSResponse? _response;
    private PooledBufferWriter? _responseBody;

    internal FaaSContext(Invocation invocation, FunctionInfo function, string handlerName, ILogger runtimeLogger,
        IServiceProvider rootServices, bool isColdStart, CancellationToken shutdown)
    {
        _invocation = invocation;
        Function = function;
        HandlerName = handlerName;
        _runtimeLogger = runtimeLogger;
        _rootServices = rootServices;
        IsColdStart = isColdStart;
        _shutdown = shutdown;
        StartTimestamp = invocation.StartTimestamp != 0 ? invocation.StartTimestamp : Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// <see cref="Stopwatch.GetTimestamp"/> when the runtime began this invocation (the event read, before any hook):
    /// <c>Stopwatch.GetElapsedTime(context.StartTimestamp)</c> is how long it has run. The same clock in a native layer.
    /// </summary>
    public long StartTimestamp { get; }

    /// <summary>The platform's id of this invocation.</summary>
    public string RequestId => _invocation.RequestId;

    /// <summary>When the platform stops waiting for this invocation (<see cref="DateTimeOffset.MaxValue"/> if it gave none).</summary>
    public DateTimeOffset Deadline => _invocation.Deadline;

    /// <summary>Time left before <see cref="Deadline"/>; zero once it has passed.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            if (_invocation.Deadline == DateTimeOffset.MaxValue)
            {
                return Timeout.InfiniteTimeSpan;
            }
            TimeSpan left = _invocation.Deadline - DateTimeOffset.UtcNow;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>The platform's trace header for this invocation, if any.</summary>
    public string? TraceId => _invocation.TraceId;

    /// <summary>The deployed function's name, version, memory and platform.</summary>
    public FunctionInfo Function { get; }

    /// <summary>
    /// The registered function serving this invocation (the name it was registered under). In an aggregated instance,
    /// the function the router chose, or the group's name when no route took the invocation.
    /// </summary>
    public string HandlerName { get; internal set; }

    /// <summary>True for the first invocation this process serves.</summary>
    public bool IsColdStart { get; }

    /// <summary>The raw event bytes, as the platform sent them.</summary>
    public ReadOnlyMemory<byte> Event => _invocation.Payload;

    /// <summary>The event's content type, if the platform said.</summary>
    public string? EventContentType => _invocation.ContentType;

    /// <summary>The platform's own context object for this invocation (cast it, or use <see cref="GetPlatformContext{T}"/>).</summary>
    public object? PlatformContext => _invocation.PlatformContext;

    /// <summary>The platform context as <typeparamref name="T"/>, or null when running on another platform.</summary>
    public T? GetPlatformContext<T>() where T : class => _invocation.PlatformContext as T;

    /// <summary>A logger whose events carry this invocation's <c>RequestId</c>.</summary>
    public ILogger Logger => _logger ??= _runtimeLogger.ForContext("RequestId", _invocation.RequestId);

    /// <summary>Services from a scope that lives as long as this invocation.</summary>
    public IServiceProvider Services => (_scope ??= _rootServices.CreateAsyncScope()).ServiceProvider;

    /// <summary>
    /// Cancelled at the deadline or when the runtime shuts down. Honour it: a handler still running
    /// <see cref="FunctionRuntime.DeadlineGrace"/> past the deadline is answered <c>Function.Timeout</c> without it and
    /// runs on in the background, its late result dropped (a handler that blocks its thread instead of awaiting is waited for).
    /// </summary>
    public CancellationToken CancellationToken
    {
        get
        {
            if (_deadlineSource is null)
            {
                _deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(_shutdown);
                TimeSpan remaining = RemainingTime;
                if (remaining != Timeout.InfiniteTimeSpan)
                {
                    _deadlineSource.CancelAfter(remaining);
                }
            }
            return _deadlineSource.Token;
        }
    }

    /// <summary>True once <see cref="CancellationToken"/> was handed out and then cancelled by the deadline (not by shutdown).</summary>
    public bool CancelledByDeadline => _deadlineSource is { IsCancellationRequested: true } && !_shutdown.IsCancellationRequested;

    /// <summary>Per-invocation state shared between hooks, middleware and the handler.</summary>
    public IDictionary<string, object?> Items => _items ??= new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Where raw and typed handlers write their result.</summary>
    public IBufferWriter<byte> Output => _invocation.Output;

    /// <summary>The content type of <see cref="Output"/>, if the handler sets one.</summary>
    public string? OutputContentType { get; set; }

    /// <summary>True when the event is HTTP-shaped (decoding it on first use).</summary>
    public bool IsHttp => TryGetRequest(out _);

    /// <summary>The HTTP request carried by the event; throws when the event is not HTTP-shaped.</summary>
    public FaaSRequest Request
    {
        get
        {
            if (TryGetRequest(out FaaSRequest? request))
            {
                return request;
            }
            throw new FaaSRuntimeException(ErrorTypes.NotHttpEvent,
                $"Function '{HandlerName}' reads an HTTP request, but the event it was given is not an HTTP-shaped event on {Function.Platform}.");
        }
    }

    /// <summary>The HTTP response the handler writes; encoded into the trigger's response shape afterwards.</summary>
    public FaaSResponse Response => _response ??= new FaaSResponse(_responseBody = new PooledBufferWriter(1024));

    /// <summary>In an aggregated instance, the routed function's pipeline end (set before the BeforeInvoke hooks run).</summary>
    internal InvokeDelegate? Target { get; set; }

    /// <summary>Whether the handler touched <see cref="Response"/>.</summary>
    internal bool HasResponse => _response is not null;

    /// <summary>Reads the event as an HTTP request, once; false when it is not HTTP-shaped.</summary>
    public bool TryGetRequest([NotNullWhen(true)] out FaaSRequest? request)
    {
        if (!_requestDecoded)
        {
            _requestDecoded = true;
            if (_invocation.HttpCodec is { } codec && codec.TryDecode(_invocation.Payload, out FaaSRequest? decoded))
            {
                _request = decoded;
            }
        }
        request = _request;
        return request is not null;
    }

    /// <summary>
    /// Encodes <see cref="Response"/> into <see cref="Output"/> in the shape the request came in (an API gateway's JSON,
    /// a raw HTTP answer, ...). <see cref="Functions.HttpFunction"/> calls it; a handler that answers HTTP requests
    /// without deriving from it (a handler layer that also takes plain events) calls it once, after writing the response.
    /// </summary>
    public void EncodeHttpResponse()
    {
        FaaSRequest request = Request;
        OutputContentType = _invocation.HttpCodec!.Encode(request, Response, _invocation.Output);
    }

    /// <summary>Disposes the scope and the deadline timer; returns pooled buffers.</summary>
    internal ValueTask ReleaseAsync()
    {
        _deadlineSource?.Dispose();
        _responseBody?.Dispose();
        return _scope is { } scope ? scope.DisposeAsync() : default;
    }
}
