using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Functions;
using Runtime.Engine.Http;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// The HTTP side of the layer's handler: an <see cref="HttpFunction"/>, so the engine encodes the response into the
/// trigger's shape exactly as for any HTTP function. Forwards the request to the app and copies its answer back.
/// </summary>
internal sealed class ForwardingFunction : HttpFunction
{
    private readonly WebApp _app;
    private readonly AwsContextHeaders? _aws;

    public ForwardingFunction(WebApp app, AwsContextHeaders? aws)
    {
        _app = app;
        _aws = aws;
    }

    public override async ValueTask HandleAsync(FaaSContext context, FaaSRequest request, FaaSResponse response)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        await WaitUntilReadyAsync(_app, context, cancellationToken).ConfigureAwait(false);
        _app.ThrowIfExited();
        using HttpRequestMessage message = AppRequests.ForHttp(_app, context, request, _aws);
        using HttpResponseMessage answer = await _app.SendAsync(message, context, cancellationToken).ConfigureAwait(false);
        ThrowIfErrorStatus(_app, message, answer);
        AppResponses.CopyHead(answer, response);
        try
        {
            await AppResponses.CopyBodyAsync(answer, response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw _app.TimedOut(message, context, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw await _app.FailedAsync(message, ex, cancellationToken).ConfigureAwait(false);
        }
        if (_app.Settings.Compression && _app.Settings.InvokeMode == InvokeMode.Buffered)
        {
            ResponseCompressor.TryCompress(request, response);
        }
    }

    /// <summary>With async init the first invocations may arrive before the app is ready: they wait, up to their deadline.</summary>
    internal static async ValueTask WaitUntilReadyAsync(WebApp app, FaaSContext context, CancellationToken cancellationToken = default)
    {
        ValueTask ready = app.EnsureReadyAsync(cancellationToken);
        if (ready.IsCompletedSuccessfully)
        {
            return;
        }
        try
        {
            await ready.ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new WebAppException(WebAppErrorTypes.Timeout,
                $"Layer '{app.LayerName}': the app was not ready ({app.ReadinessCheck}) before the invocation's " +
                (context.CancelledByDeadline ? "deadline." : "end (the runtime is shutting down)."), ex);
        }
    }

    /// <summary><c>AWS_LWA_ERROR_STATUS_CODES</c>: such an answer is an invocation error, not a response (its body is not reported).</summary>
    internal static void ThrowIfErrorStatus(WebApp app, HttpRequestMessage message, HttpResponseMessage answer)
    {
        int status = (int)answer.StatusCode;
        if (app.Settings.ErrorStatusCodes is { } errors && errors.Contains(status))
        {
            throw new WebAppException(WebAppErrorTypes.ErrorStatus,
                $"Layer '{app.LayerName}': the app answered {message.Method.Method} {message.RequestUri!.AbsolutePath} with status {status}, " +
                $"which {app.Settings.ErrorStatusCodesSource} ({errors}) makes an invocation error.");
        }
    }
}
