using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Light.Adapters.Server;
using Runtime.Light.Http.Server;

namespace Runtime.Light.Adapters.Http;

/// <summary>
/// Platforms that send plain HTTP to a port: Google Cloud Run and Knative (and any container platform that routes
/// HTTP to <c>$PORT</c>), Tencent SCF web functions, Huawei FunctionGraph HTTP functions. A request that carries a
/// CloudEvent (binary or structured mode) gives the function the event's data as its event and the attributes as the
/// platform context, while an HTTP handler still sees the raw request; every other request is raw HTTP. The answer
/// to an event is 200 with the output; a failed event is a 500 with the error type and message (no stack trace).
/// </summary>
internal sealed class HttpServerPlatform : IServerPlatform
{
    private readonly string[] _requestIdHeaders;

    public HttpServerPlatform(string platform, params string[] requestIdHeaders)
    {
        Platform = platform;
        _requestIdHeaders = requestIdHeaders;
    }

    public string Platform { get; }

    /// <summary>A request header holding the function's timeout in whole seconds, where the platform sends one.</summary>
    public string? TimeoutHeader { get; init; }

    public async ValueTask ServeAsync(HttpServerRequest request, HttpServerResponse response, ServerInvoker invoker, CancellationToken cancellationToken)
    {
        CloudEventContext? cloudEvent;
        ReadOnlyMemory<byte> data;
        try
        {
            CloudEventReader.TryRead(request, out cloudEvent, out data);
        }
        catch (FaaSRuntimeException ex)
        {
            invoker.Logger.Warning("Rejected a malformed CloudEvent: {Reason}", ex.Message);
            ServerInvoker.WriteErrorBody(response, FaaSErrorFactory.FromException(ex), includeStackTrace: false);
            response.StatusCode = 400;
            return;
        }
        string requestId = cloudEvent?.Id ?? RequestId(request) ?? invoker.NewRequestId();
        string? trace = request.Headers.Get("traceparent") ?? request.Headers.Get("X-Cloud-Trace-Context");
        if (cloudEvent is null)
        {
            await invoker.InvokeHttpAsync(request, response, requestId, Deadline(request), trace, null).ConfigureAwait(false);
            return;
        }
        InvocationResult result = await invoker.InvokeEventAsync(response, data, cloudEvent.DataContentType, requestId, Deadline(request),
            trace, cloudEvent, new RawHttpCodec(request, response)).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            ServerInvoker.WriteErrorBody(response, error, includeStackTrace: false);
            response.StatusCode = 500;
            return;
        }
        if (response.StatusCode == 200 && response.Headers.Get("Content-Type") is null && result.ContentType is not null)
        {
            response.Headers.Set("Content-Type", result.ContentType);
        }
    }

    private DateTimeOffset Deadline(HttpServerRequest request) =>
        TimeoutHeader is not null
        && int.TryParse(request.Headers.Get(TimeoutHeader), NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds > 0
            ? DateTimeOffset.UtcNow.AddSeconds(seconds)
            : DateTimeOffset.MaxValue;

    private string? RequestId(HttpServerRequest request)
    {
        foreach (string header in _requestIdHeaders)
        {
            if (request.Headers.Get(header) is { Length: > 0 } id)
            {
                return id;
            }
        }
        return null;
    }
}
