using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WebAdapter.AspNetApp;

/// <summary>A small app written as any ASP.NET Core user would, with no knowledge of the layer in front of it.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
        string port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
        builder.WebHost.UseUrls("http://127.0.0.1:" + port);
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();

        app.MapGet("/health", () => Results.Text("ok"));
        app.MapGet("/hello", (HttpContext http) =>
            Results.Text("hello " + http.Request.Query["name"] + " tags=" + string.Join("|", http.Request.Query["tag"].ToArray())
                         + " request=" + http.Request.Headers["x-faas-request-id"], "text/plain; charset=utf-8"));
        app.MapPost("/echo", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            http.Response.ContentType = http.Request.ContentType ?? "application/octet-stream";
            http.Response.Headers["X-Body-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await http.Response.Body.WriteAsync(body.ToArray());
        });
        app.MapGet("/headers", (HttpContext http) =>
        {
            http.Response.Headers.Append("X-Multi", "one");
            http.Response.Headers.Append("X-Multi", "two");
            return Results.Text("custom=" + string.Join("|", http.Request.Headers["X-Custom"].ToArray()));
        });
        app.MapGet("/cookies", (HttpContext http) =>
        {
            http.Response.Cookies.Append("a", "1", new CookieOptions { HttpOnly = true });
            http.Response.Cookies.Append("b", "2", new CookieOptions { Path = "/x" });
            return Results.Text("cookie=" + http.Request.Headers.Cookie);
        });
        app.MapGet("/binary", () =>
        {
            byte[] bytes = new byte[256];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)i;
            }
            return Results.Bytes(bytes, "application/octet-stream");
        });
        app.MapGet("/status/{code:int}", (int code) => Results.Text("status " + code, statusCode: code));
        app.MapPost("/events", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            string text = await reader.ReadToEndAsync();
            return Results.Text("event(" + http.Request.ContentType + "):" + text, "text/plain");
        });
        app.Run();
    }
}
