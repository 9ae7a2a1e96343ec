using System;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Runtime.FloorKestrel;

/// <summary>
/// Kestrel on 127.0.0.1:$PORT answering every request with 200 "ok" until SIGTERM, built the way the native-AOT web
/// template builds it (<see cref="WebApplication.CreateSlimBuilder()"/>), with the logging providers removed so that,
/// like bench/FloorServer, it writes nothing at start.
/// </summary>
internal static class Program
{
    private static readonly byte[] s_ok = "ok"u8.ToArray();

    private static void Main()
    {
        int port = int.Parse(Environment.GetEnvironmentVariable("PORT") ?? "8080", NumberStyles.None, CultureInfo.InvariantCulture);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
        WebApplication app = builder.Build();
        app.Run(static context =>
        {
            context.Response.ContentLength = s_ok.Length;
            return context.Response.Body.WriteAsync(s_ok, 0, s_ok.Length);
        });
        app.Run();
    }
}
