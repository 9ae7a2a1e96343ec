using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Runtime.Layers.WebAdapter.Tests.Support;

/// <summary>
/// An app started elsewhere (the layer has no command): in-process Kestrel on 127.0.0.1, with routes a test maps,
/// for the readiness and fault cases that need an app whose behaviour the test controls.
/// </summary>
internal sealed class FakeApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeApp(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<FakeApp> StartAsync(Action<WebApplication> map, int? port = null)
    {
        int chosen = port ?? Some.FreePort();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, chosen));
        WebApplication app = builder.Build();
        map(app);
        await app.StartAsync().WaitAsync(Some.StartLimit);
        return new FakeApp(app, chosen);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
