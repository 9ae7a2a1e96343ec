using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Functions;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// The function's handler while the layer serves: an HTTP-shaped invocation goes to the app as that request (through
/// <see cref="ForwardingFunction"/>, so the engine encodes the answer as for any HTTP function); any other event is
/// POSTed to the pass-through path and the app's answer body becomes the result, as AWS Lambda Web Adapter does.
/// </summary>
internal sealed class WebAdapterHandler : IFunctionHandler
{
    private readonly WebApp _app;
    private readonly AwsContextHeaders? _aws;
    private readonly ForwardingFunction _http;

    public WebAdapterHandler(WebApp app, AwsContextHeaders? aws)
    {
        _app = app;
        _aws = aws;
        _http = new ForwardingFunction(app, aws);
    }

    public ValueTask InvokeAsync(FaaSContext context) =>
        context.TryGetRequest(out _) ? _http.InvokeAsync(context) : PassThroughAsync(context);

    private async ValueTask PassThroughAsync(FaaSContext context)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        await ForwardingFunction.WaitUntilReadyAsync(_app, context, cancellationToken).ConfigureAwait(false);
        _app.ThrowIfExited();
        using HttpRequestMessage message = AppRequests.ForEvent(_app, context, _aws);
        using HttpResponseMessage answer = await _app.SendAsync(message, context, cancellationToken).ConfigureAwait(false);
        ForwardingFunction.ThrowIfErrorStatus(_app, message, answer);
        try
        {
            await AppResponses.CopyBodyAsync(answer, context.Output, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw _app.TimedOut(message, context, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw await _app.FailedAsync(message, ex, cancellationToken).ConfigureAwait(false);
        }
        context.OutputContentType = answer.Content.Headers.ContentType?.ToString();
    }
}
