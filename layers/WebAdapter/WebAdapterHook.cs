using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Engine.Lifecycle;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// The layer's lifecycle: BeforeFunctionStart starts the app (or waits for one started elsewhere) and checks that it is
/// ready, so FunctionStart ends only with a ready app (with async init: at the latest after the async-init budget);
/// BeforeClose stops the app it started (SIGTERM, then SIGKILL after the grace period).
/// </summary>
internal sealed class WebAdapterHook : RuntimeHook
{
    private WebApp? _app;

    public WebAdapterHook(string layerName)
        : base(layerName, HookPhases.BeforeFunctionStart | HookPhases.BeforeClose)
    {
    }

    public override async ValueTask BeforeFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken)
    {
        // Resolved from the provider, which then owns it: disposing the function stops the app even after a failed start.
        WebApp app = context.Services.GetRequiredService<WebApp>();
        _app = app;
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask BeforeCloseAsync(CloseContext context, CancellationToken cancellationToken) =>
        _app is { } app ? new ValueTask(app.StopAsync(context.Deadline, cancellationToken)) : default;
}
