using System;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Runtime.Bench.WebAdapter;

/// <summary>The app under the layer: Kestrel on 127.0.0.1:$PORT, GET /hello (small text) and POST /echo (body back).</summary>
internal static class TinyApp
{
    private static readonly byte[] s_hello = Encoding.UTF8.GetBytes("hello, world");

    public static void Run()
    {
        int port = int.Parse(Environment.GetEnvironmentVariable("PORT") ?? "8080", System.Globalization.CultureInfo.InvariantCulture);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        WebApplication app = builder.Build();
        app.Run(async context =>
        {
            if (context.Request.Path == "/echo")
            {
                context.Response.ContentType = context.Request.ContentType ?? "application/octet-stream";
                await context.Request.Body.CopyToAsync(context.Response.Body);
                return;
            }
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.Body.WriteAsync(s_hello);
        });
        app.Run();
    }
}
