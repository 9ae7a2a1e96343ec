using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;
using Runtime.Light.Http.Server;
using Serilog;
using Serilog.Events;

namespace Runtime.Light.Adapters.Server;

/// <summary>
/// What every server-model platform does with a request once it knows what the request is: run one invocation
/// through the engine and write exactly one HTTP answer. Raw HTTP requests go to the function as
/// <see cref="FaaSContext.Request"/>; events go as bytes, and the platform shapes the answer.
/// </summary>
internal sealed class ServerInvoker
{
    private readonly FunctionRuntime _runtime;
    private readonly ILogger _logger;
    private readonly Func<string, TimeSpan, Task> _close;
    private readonly TimeSpan? _timeout;
    private readonly TimeSpan? _platformTimeout;
    private long _generated;

    /// <param name="runtime">The engine.</param>
    /// <param name="logger">The runtime's logger.</param>
    /// <param name="platform">The platform's short name.</param>
    /// <param name="close">The platform's stop step.</param>
    /// <param name="timeout"><c>FAAS_TIMEOUT</c>: every invocation's deadline from its arrival; wins over the platform's.</param>
    /// <param name="platformTimeout">The platform's configured timeout (environment or files), for requests that carry no deadline.</param>
    public ServerInvoker(FunctionRuntime runtime, ILogger logger, string platform, Func<string, TimeSpan, Task> close,
        TimeSpan? timeout = null, TimeSpan? platformTimeout = null)
    {
        _runtime = runtime;
        _logger = logger;
        Platform = platform;
        _close = close;
        _timeout = timeout;
        _platformTimeout = platformTimeout;
    }

    public string Platform { get; }

    public ILogger Logger => _logger;

    /// <summary>A request id for platforms whose requests carry none: unique within the process, cheap.</summary>
    public string NewRequestId() => Platform + "-" + Environment.ProcessId.ToString("x") + "-" + Interlocked.Increment(ref _generated).ToString("x");

    /// <summary>Runs the platform's stop step (FC's <c>/pre-stop</c>): Close, within <paramref name="budget"/>.</summary>
    public Task CloseAsync(string reason, TimeSpan budget) => _close(reason, budget);

    /// <summary>
    /// Invokes with the raw HTTP request as the function's request. An HTTP handler's response becomes the HTTP
    /// answer; an event handler's output becomes a 200 body. A failure is a 500 whose body says nothing of the error
    /// (it is logged): stack traces never go into an HTTP response.
    /// </summary>
    public async ValueTask<InvocationResult> InvokeHttpAsync(HttpServerRequest request, HttpServerResponse response, string requestId,
        DateTimeOffset deadline, string? traceId, object? platformContext, Func<string, bool>? stripHeader = null)
    {
        var codec = new RawHttpCodec(request, response, stripHeader);
        var invocation = new Invocation
        {
            RequestId = requestId,
            Deadline = Deadline(deadline),
            TraceId = traceId,
            Payload = request.Body,
            ContentType = request.Headers.Get("Content-Type"),
            PlatformContext = platformContext,
            HttpCodec = codec,
            Output = response.Body,
            StartTimestamp = Stopwatch.GetTimestamp(),
        };
        InvocationResult result = await InvokeAsync(invocation, response).ConfigureAwait(false);
        if (result.Error is not null)
        {
            WriteHttpFailure(response);
        }
        else if (!codec.Encoded)
        {
            response.StatusCode = 200;
            response.Headers.Set("Content-Type", result.ContentType ?? "application/octet-stream");
        }
        return result;
    }

    /// <summary>Invokes with <paramref name="payload"/> as the event; the output goes to <paramref name="response"/>'s body.</summary>
    public ValueTask<InvocationResult> InvokeEventAsync(HttpServerResponse response, ReadOnlyMemory<byte> payload, string? contentType,
        string requestId, DateTimeOffset deadline, string? traceId, object? platformContext, IHttpEventCodec? codec) =>
        InvokeAsync(new Invocation
        {
            RequestId = requestId,
            Deadline = Deadline(deadline),
            TraceId = traceId,
            Payload = payload,
            ContentType = contentType,
            PlatformContext = platformContext,
            HttpCodec = codec,
            Output = response.Body,
            StartTimestamp = Stopwatch.GetTimestamp(),
        }, response);

    /// <summary>
    /// The invocation's deadline: <c>FAAS_TIMEOUT</c> from now when set; else the one the request carries
    /// (<paramref name="requested"/>, <see cref="DateTimeOffset.MaxValue"/> for none); else the platform's configured
    /// timeout from now; else none. With one, a handler that overruns it is cancelled, and answered without past the grace.
    /// </summary>
    public DateTimeOffset Deadline(DateTimeOffset requested)
    {
        if (_timeout is { } timeout)
        {
            return DateTimeOffset.UtcNow + timeout;
        }
        if (requested != DateTimeOffset.MaxValue)
        {
            return requested;
        }
        return _platformTimeout is { } configured ? DateTimeOffset.UtcNow + configured : DateTimeOffset.MaxValue;
    }

    /// <summary>A 500 that reveals nothing of the error.</summary>
    public static void WriteHttpFailure(HttpServerResponse response)
    {
        response.Body.Reset();
        response.Headers.Clear();
        response.StatusCode = 500;
        response.Headers.Set("Content-Type", "text/plain; charset=utf-8");
        response.Body.Write("Internal Server Error"u8);
    }

    /// <summary>Writes an error report as the body (errorType and errorMessage; the stack trace only where the platform's channel is not an HTTP client).</summary>
    public static void WriteErrorBody(HttpServerResponse response, FaaSError error, bool includeStackTrace)
    {
        response.Body.Reset();
        response.Headers.Set("Content-Type", "application/json");
        error.WriteJson(response.Body, includeStackTrace);
    }

    private async ValueTask<InvocationResult> InvokeAsync(Invocation invocation, HttpServerResponse response)
    {
        InvocationResult result = await _runtime.InvokeAsync(invocation).ConfigureAwait(false);
        if (result.Abandoned)
        {
            // The handler runs on past its deadline: what it still writes must not reach this answer or the next
            // one on the connection, so it keeps the old body buffer and a detached codec.
            (invocation.HttpCodec as RawHttpCodec)?.Detach();
            response.ReplaceBody();
        }
        if (_logger.IsEnabled(LogEventLevel.Debug))
        {
            _logger.Debug("Invocation {RequestId} done in {ElapsedUs:F0} us ({Outcome})", invocation.RequestId,
                Stopwatch.GetElapsedTime(invocation.StartTimestamp).TotalMicroseconds, result.IsSuccess ? "response" : "error");
        }
        return result;
    }
}
