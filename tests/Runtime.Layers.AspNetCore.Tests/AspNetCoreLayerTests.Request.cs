using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Xunit;

namespace Runtime.Layers.AspNetCore.Tests;

public sealed partial class AspNetCoreLayerTests
{
    [Fact]
    public async Task Headers_RepeatedRequestValues_ReachTheAppAndRepeatedResponseValuesComeBack()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/headers", (HttpContext context) =>
            {
                context.Response.Headers.Append("X-Out", "1");
                context.Response.Headers.Append("X-Out", "2");
                return Joined(context.Request.Headers["X-Multi"].ToArray()!) + "|" + context.Request.Headers["x-single"];
            }));

        CapturedResponse response = await harness.SendAsync(TestRequest.Get("/headers")
            .WithHeader("X-Multi", "a").WithHeader("x-multi", "b").WithHeader("X-Single", "s"));

        Assert.Equal("a,b|s", response.BodyText);
        Assert.Equal(new[] { "1", "2" }, response.Values("X-Out"));
    }

    [Fact]
    public async Task Cookies_FromEveryCookieHeaderIn_AndEachSetCookieOutAsItsOwnCookie()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/cookies", (HttpContext context) =>
            {
                context.Response.Cookies.Append("session", "s1", new CookieOptions { HttpOnly = true, Path = "/" });
                context.Response.Cookies.Append("theme", "dark");
                return string.Join(",", context.Request.Cookies.OrderBy(c => c.Key).Select(c => c.Key + "=" + c.Value));
            }));

        CapturedResponse response = await harness.SendAsync(TestRequest.Get("/cookies")
            .WithHeader("Cookie", "a=1; b=2").WithHeader("Cookie", "c=3"));

        Assert.Equal("a=1,b=2,c=3", response.BodyText);
        Assert.Equal(new[] { "session=s1; path=/; httponly", "theme=dark; path=/" }, response.Cookies);
        Assert.Empty(response.Values("Set-Cookie"));
    }

    [Fact]
    public async Task Connection_RequestIdClientIpSchemeAndProtocol_ComeFromTheInvocation()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/who", (HttpContext context) => string.Join("|",
                context.TraceIdentifier, context.Connection.RemoteIpAddress?.ToString() ?? "-", context.Connection.Id,
                context.Request.Scheme, context.Request.Protocol, context.Request.Host.Value ?? "-", context.Request.IsHttps)));

        (Engine.InvocationResult result, CapturedResponse? response) = await harness.InvokeAsync(
            new TestRequest("GET", "/who") { ClientIp = "203.0.113.9" }.WithHeader("Host", "api.example.com"), requestId: "inv-77");
        CapturedResponse forwarded = await harness.SendAsync(TestRequest.Get("/who").WithHeader("X-Forwarded-Proto", "http"));

        Assert.True(result.IsSuccess);
        Assert.Equal("inv-77|203.0.113.9|inv-77|https|HTTP/1.1|api.example.com|True", response!.BodyText);
        Assert.StartsWith("req-", forwarded.BodyText);
        Assert.Contains("|-|", forwarded.BodyText);
        Assert.Contains("|http|", forwarded.BodyText);
    }

    [Fact]
    public async Task RequestAborted_IsTheInvocationsToken_CancelledAtTheDeadline()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/slow", async (CancellationToken aborted) =>
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), aborted);
                    return "not cancelled";
                }
                catch (OperationCanceledException) when (aborted.IsCancellationRequested)
                {
                    return "cancelled";
                }
            }));

        (Engine.InvocationResult result, CapturedResponse? response) = await harness.InvokeAsync(
            TestRequest.Get("/slow"), deadline: DateTimeOffset.UtcNow.AddMilliseconds(200));

        Assert.True(result.IsSuccess);
        Assert.Equal("cancelled", response!.BodyText);
    }

    [Fact]
    public async Task RequestBody_IsSeekableAndCanBeReadTwice()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapPost("/twice", async (HttpRequest request) =>
            {
                request.EnableBuffering();
                string first = await new System.IO.StreamReader(request.Body, leaveOpen: true).ReadToEndAsync();
                request.Body.Position = 0;
                string second = await new System.IO.StreamReader(request.Body).ReadToEndAsync();
                bool canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()!.CanHaveBody;
                return first + "|" + second + "|" + request.ContentLength + "|" + canHaveBody;
            }));

        CapturedResponse response = await harness.SendAsync(TestRequest.Post("/twice", "héllo", "text/plain")
            .WithHeader("Content-Length", "999"));

        Assert.Equal("héllo|héllo|6|True", response.BodyText);
    }

    [Fact]
    public async Task RequestBody_Form_IsParsed()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapPost("/form", async (HttpRequest request) =>
            {
                IFormCollection form = await request.ReadFormAsync();
                return string.Join(",", form["tag"].ToArray()) + "|" + form["name"];
            }));

        CapturedResponse response = await harness.SendAsync(TestRequest.Post("/form", "tag=a&name=Jo%20Wu&tag=b", "application/x-www-form-urlencoded"));

        Assert.Equal("a,b|Jo Wu", response.BodyText);
    }

    [Fact]
    public async Task Features_AppReplacingAFeature_IsSeenByLaterCode()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                context.Features.Set<IHttpRequestIdentifierFeature>(new HttpRequestIdentifierFeature { TraceIdentifier = "replaced" });
                context.Features.Set(new MarkerFeature("extra"));
                await next(context);
            });
            app.MapGet("/id", (HttpContext context) => context.TraceIdentifier + "|" + context.Features.Get<MarkerFeature>()!.Value + "|"
                + context.Features.Count(f => f.Key == typeof(MarkerFeature)));
        });

        CapturedResponse response = await harness.SendAsync(TestRequest.Get("/id"));

        Assert.Equal("replaced|extra|1", response.BodyText);
    }

    private sealed record MarkerFeature(string Value);

    private static string Joined(IReadOnlyList<string> values) => string.Join(",", values);
}
