using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Runtime.Engine.Lifecycle;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// Starts the app's host before the function's handler is built (BeforeFunctionStart: hosted services run, the
/// pipeline is built, the server is handed the app) and stops and disposes it first thing at Close (BeforeClose, while
/// the function is still there), within the platform's grace period.
/// </summary>
internal sealed class AspNetCoreHostHook : RuntimeHook
{
    private readonly IHost _host;

    public AspNetCoreHostHook(IHost host)
        : base(AspNetCoreLayer.LayerName, HookPhases.BeforeFunctionStart | HookPhases.BeforeClose)
    {
        _host = host;
    }

    public override async ValueTask BeforeFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        await _host.StartAsync(cancellationToken).ConfigureAwait(false);
        context.Logger.Debug("ASP.NET Core app started in {ElapsedMs:F2} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public override async ValueTask BeforeCloseAsync(CloseContext context, CancellationToken cancellationToken)
    {
        try
        {
            await _host.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Disposed even when stopping failed or ran out of time: the host's services are released either way.
            if (_host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                _host.Dispose();
            }
        }
    }
}
