using System;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Light.Http.Server;
using Serilog.Core;

namespace Runtime.FloorServer;

/// <summary>
/// Listens on 127.0.0.1:$PORT with <see cref="HttpServer"/> and answers every request with 200 "ok" until SIGTERM.
/// No logging (a silent logger), no DI, no host: the server's own start-up cost and nothing else.
/// </summary>
internal static class Program
{
    private static async Task<int> Main()
    {
        int port = int.Parse(Environment.GetEnvironmentVariable("PORT") ?? "8080", NumberStyles.None, CultureInfo.InvariantCulture);
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        HttpServer server = HttpServer.Start(new HttpServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, port) }, new OkHandler(), Logger.None);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        await stop.Task.ConfigureAwait(false);
        await server.StopAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        await server.DisposeAsync().ConfigureAwait(false);
        return 0;
    }

    private sealed class OkHandler : IHttpRequestHandler
    {
        public ValueTask HandleAsync(HttpServerRequest request, HttpServerResponse response, CancellationToken cancellationToken)
        {
            response.Body.Write("ok"u8);
            return default;
        }
    }
}
