using Microsoft.Extensions.DependencyInjection;
using Runtime.Engine.Layers;
using Serilog;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// The web-app adapter: runs an existing web application, in any language, as the function. At FunctionStart it starts
/// the app from the configured command (or waits for one already started) and checks that it is ready; then it serves
/// every invocation, forwarding HTTP-shaped ones to the app over a pooled keep-alive loopback connection and other
/// events to the app's pass-through path. Configured like AWS Lambda Web Adapter (<c>AWS_LWA_*</c>) or with the
/// cloud-neutral <c>FAAS_WEBAPP_*</c> variables and manifest settings; see the layer's README.md.
/// </summary>
public sealed class WebAdapterLayer : FaaSLayer
{
    /// <summary>The layer's name, as it appears in logs, errors and the layers folder.</summary>
    public const string LayerName = "web-adapter";

    private const string AwsLambda = "aws-lambda";

    /// <inheritdoc />
    public override string Name => LayerName;

    /// <summary>Reads the settings (a bad one fails RuntimeStart naming the layer and the setting) and becomes the handler.</summary>
    public override void Configure(LayerContext context)
    {
        WebAdapterSettings settings = WebAdapterSettings.Read(context.Settings, context.Function.Platform);
        ILogger logger = context.Logger;
        AwsContextHeaders? aws = context.Function.Platform == AwsLambda
            ? new AwsContextHeaders(context.Settings.Environment("AWS_LAMBDA_LOG_GROUP_NAME"), context.Settings.Environment("AWS_LAMBDA_LOG_STREAM_NAME"))
            : null;
        string name = Name;
        context.Services.AddSingleton(_ => new WebApp(name, settings, logger));
        context.AddHook(new WebAdapterHook(name));
        context.UseHandler(services => new WebAdapterHandler(services.GetRequiredService<WebApp>(), aws));
        if (settings.InvokeMode == InvokeMode.ResponseStream)
        {
            logger.Warning("Invoke mode response_stream is served buffered here: the whole answer is read, then returned; compression is off, as in LWA's streaming mode");
        }
        logger.Information("The app serves on 127.0.0.1:{Port}; readiness by {Protocol} on port {ReadinessPort}; {Start}", settings.Port,
            settings.ReadinessProtocol, settings.ReadinessPort, settings.Command is null ? "started elsewhere" : "started by the layer");
    }
}
