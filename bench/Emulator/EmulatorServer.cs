using System;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Runtime.Emulator;

/// <summary>A bare Kestrel HTTP/1.1 server on 127.0.0.1 running one request delegate: no logging, no routing, no middleware.</summary>
internal sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The TCP port actually bound (the OS chooses it when 0 was asked for).</summary>
    public int Port { get; }

    public static async Task<EmulatorServer> StartAsync(int port, RequestDelegate handler, CancellationToken cancellationToken = default)
    {
        // The empty builder adds no logging providers, configuration sources or middleware: nothing runs per request
        // except the handler, which keeps the emulator's own cost out of microsecond round-trip measurements.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.Services.Configure<HostOptions>(static o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The emulator applies the platform's own size rule (413) itself, so Kestrel must accept any body.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            // Runtimes keep one connection open across invocations; never close it for idleness during a test or bench.
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromHours(1);
            kestrel.Limits.MaxRequestHeadersTotalSize = 1024 * 1024;
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.RequestHeaderEncodingSelector = static _ => Encoding.UTF8;
            kestrel.ResponseHeaderEncodingSelector = static _ => Encoding.UTF8;
            kestrel.Listen(IPAddress.Loopback, port, static listen => listen.Protocols = HttpProtocols.Http1);
        });

        WebApplication app = builder.Build();
        app.Run(handler);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        IServerAddressesFeature? addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        int bound = 0;
        if (addresses is not null)
        {
            foreach (string address in addresses.Addresses)
            {
                bound = new Uri(address).Port;
                break;
            }
        }

        if (bound == 0)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("Kestrel did not report the port it bound.");
        }

        return new EmulatorServer(app, bound);
    }

    public async ValueTask DisposeAsync()
    {
        // Long polls are released by the owner before this (its stopping token), so this returns promptly;
        // ShutdownTimeout bounds it anyway by aborting whatever is still running.
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
