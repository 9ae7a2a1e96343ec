using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Light.Adapters.Server;
using Runtime.Light.Http.Server;
using Runtime.Light.Triggers;

namespace Runtime.Light.Adapters.Alibaba;

/// <summary>
/// Function Compute's requests (protocols.md 3.2): <c>x-fc-control-path</c> (or, without it, the path) says whether a
/// request is an event (<c>/invoke</c>), the initializer (<c>/initialize</c>), a lifecycle hook (<c>/pre-stop</c>,
/// <c>/pre-freeze</c>) or an HTTP-trigger request (<c>/http-invoke</c>, anything else). FunctionStart has already run
/// before the server accepts, so <c>/initialize</c> only acknowledges; <c>/pre-stop</c> runs Close.
/// </summary>
internal sealed class FcServerPlatform : IServerPlatform
{
    private static readonly AlibabaHttpCodec s_eventCodec = new();
    private readonly TimeSpan _closeBudget;

    public FcServerPlatform(TimeSpan closeBudget) => _closeBudget = closeBudget;

    public string Platform => FcProtocol.PlatformName;

    public async ValueTask ServeAsync(HttpServerRequest request, HttpServerResponse response, ServerInvoker invoker, CancellationToken cancellationToken)
    {
        string control = request.Headers.Get(FcProtocol.ControlPathHeader) ?? ControlPathFromRequest(request);
        string requestId = request.Headers.Get(FcProtocol.RequestIdHeader) is { Length: > 0 } id ? id : invoker.NewRequestId();
        switch (control)
        {
            case FcProtocol.InvokePath:
                await InvokeEventAsync(request, response, invoker, requestId).ConfigureAwait(false);
                break;
            case FcProtocol.InitializePath:
                // FunctionStart (services, handler, user initialiser) ran before the port opened.
                response.StatusCode = 200;
                break;
            case FcProtocol.PreStopPath:
                await invoker.CloseAsync("FC pre-stop", _closeBudget).ConfigureAwait(false);
                response.StatusCode = 200;
                break;
            case FcProtocol.PreFreezePath:
                response.StatusCode = 200;
                break;
            default:
                InvocationResult result = await invoker.InvokeHttpAsync(request, response, requestId, Deadline(request), null, Context(request),
                    static name => name.StartsWith("x-fc-", StringComparison.OrdinalIgnoreCase)).ConfigureAwait(false);
                // Optional for HTTP triggers; set so FC's success/failure accounting matches.
                response.Headers.Set(FcProtocol.StatusHeader, result.IsSuccess ? "200" : "404");
                break;
        }
    }

    private static async ValueTask InvokeEventAsync(HttpServerRequest request, HttpServerResponse response, ServerInvoker invoker, string requestId)
    {
        InvocationResult result = await invoker.InvokeEventAsync(response, request.Body, request.Headers.Get("Content-Type"), requestId,
            Deadline(request), null, Context(request), s_eventCodec).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            // FC records the invocation as failed and logs the body.
            ServerInvoker.WriteErrorBody(response, error, includeStackTrace: true);
            response.StatusCode = FcProtocol.FunctionErrorStatus;
            response.Headers.Set(FcProtocol.StatusHeader, "404");
            return;
        }
        response.StatusCode = 200;
        response.Headers.Set(FcProtocol.StatusHeader, "200");
        if (result.ContentType is not null)
        {
            response.Headers.Set("Content-Type", result.ContentType);
        }
    }

    private static string ControlPathFromRequest(HttpServerRequest request) => (request.Method, request.Path) switch
    {
        ("POST", FcProtocol.InvokePath) => FcProtocol.InvokePath,
        ("POST", FcProtocol.InitializePath) => FcProtocol.InitializePath,
        ("GET", FcProtocol.PreStopPath) => FcProtocol.PreStopPath,
        ("GET", FcProtocol.PreFreezePath) => FcProtocol.PreFreezePath,
        _ => "/http-invoke",
    };

    private static DateTimeOffset Deadline(HttpServerRequest request) =>
        int.TryParse(request.Headers.Get(FcProtocol.TimeoutHeader), NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds > 0
            ? DateTimeOffset.UtcNow.AddSeconds(seconds)
            : DateTimeOffset.MaxValue;

    private static FcInvocationContext Context(HttpServerRequest request) => new(
        request.Headers.Get(FcProtocol.RegionHeader),
        request.Headers.Get(FcProtocol.AccountIdHeader),
        request.Headers.Get(FcProtocol.QualifierHeader),
        request.Headers.Get(FcProtocol.FunctionNameHeader),
        int.TryParse(request.Headers.Get(FcProtocol.RetryCountHeader), NumberStyles.None, CultureInfo.InvariantCulture, out int retries) ? retries : 0,
        request.Headers.Get(FcProtocol.AccessKeyIdHeader),
        request.Headers.Get(FcProtocol.AccessKeySecretHeader),
        request.Headers.Get(FcProtocol.SecurityTokenHeader));
}
