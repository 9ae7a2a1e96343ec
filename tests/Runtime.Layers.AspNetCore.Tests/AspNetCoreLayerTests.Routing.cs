using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Xunit;

namespace Runtime.Layers.AspNetCore.Tests;

public sealed partial class AspNetCoreLayerTests
{
    [Fact]
    public async Task Routing_RouteParameters_AreBoundAndAnswered()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
        {
            app.MapGet("/hello/{name}", (string name) => $"Hello, {name}!");
            app.MapGet("/items/{id:int}/tags/{tag}", (int id, string tag) => $"{id}:{tag}");
        });

        CapturedResponse hello = await harness.SendAsync(TestRequest.Get("/hello/wu"));
        CapturedResponse typed = await harness.SendAsync(TestRequest.Get("/items/42/tags/red"));

        Assert.Equal(200, hello.StatusCode);
        Assert.Equal("Hello, wu!", hello.BodyText);
        Assert.Equal("text/plain; charset=utf-8", hello.Header("Content-Type"));
        Assert.Equal("42:red", typed.BodyText);
    }

    [Fact]
    public async Task Routing_DecodedPathFromTheTrigger_MatchesAndBindsDecoded()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/hello/{name}", (string name, HttpRequest request) => name + "|" + request.Path.Value + "|" + request.HttpContext.Features
                .Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget));

        CapturedResponse response = await harness.SendAsync(TestRequest.Get("/hello/José Wu", "x=1"));

        Assert.Equal("José Wu|/hello/José Wu|/hello/Jos%C3%A9%20Wu?x=1", response.BodyText);
    }

    [Fact]
    public async Task Routing_UnknownPath_Answers404WithAnEmptyBody()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app => app.MapGet("/known", () => "known"));

        CapturedResponse response = await harness.SendAsync(TestRequest.Get("/unknown"));

        Assert.Equal(404, response.StatusCode);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task Routing_WrongMethod_Answers405()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app => app.MapGet("/only-get", () => "got"));

        CapturedResponse response = await harness.SendAsync(TestRequest.Post("/only-get", "x", "text/plain"));

        Assert.Equal(405, response.StatusCode);
    }

    [Fact]
    public async Task Routing_PathBaseOption_IsSplitOffAndSeenAsPathBase()
    {
        await using AppHarness harness = await AppHarness.StartAsync(
            app => app.MapGet("/orders", (HttpRequest request) => request.PathBase + "|" + request.Path),
            server: o => o.PathBase = "/prod/");

        CapturedResponse staged = await harness.SendAsync(TestRequest.Get("/prod/orders"));
        CapturedResponse other = await harness.SendAsync(TestRequest.Get("/production/orders"));

        Assert.Equal("/prod|/orders", staged.BodyText);
        Assert.Equal(404, other.StatusCode);
    }

    [Fact]
    public async Task Query_RepeatedKeys_KeepEveryValue()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapGet("/search", (HttpRequest request) =>
                string.Join(",", request.Query["tag"].ToArray()) + "|" + request.Query["q"] + "|" + request.QueryString));

        CapturedResponse raw = await harness.SendAsync(TestRequest.Get("/search", "tag=a&q=caf%C3%A9&tag=b"));
        var rebuilt = new TestRequest("GET", "/search");
        rebuilt.Query.Add(new("tag", "x y"));
        rebuilt.Query.Add(new("tag", "z&"));
        rebuilt.Query.Add(new("q", "1"));
        CapturedResponse fromMap = await harness.SendAsync(rebuilt);

        Assert.Equal("a,b|café|?tag=a&q=caf%C3%A9&tag=b", raw.BodyText);
        Assert.Equal("x y,z&|1|?tag=x%20y&tag=z%26&q=1", fromMap.BodyText);
    }

    [Fact]
    public async Task Json_RequestAndResponseBodies_UseTheSourceGeneratedContext()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapPost("/items", (Item item) => TypedResults.Created($"/items/{item.Id}", item with { Name = item.Name.ToUpperInvariant() })));

        CapturedResponse response = await harness.SendAsync(
            TestRequest.Post("/items", """{"id":7,"name":"pen","tags":["a","b"]}""", "application/json"));

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("/items/7", response.Header("Location"));
        Assert.Equal("application/json; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("""{"id":7,"name":"PEN","tags":["a","b"]}""", response.BodyText);
    }

    [Fact]
    public async Task Json_MissingOrMalformedBody_IsTheAppsOwn400()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app => app.MapPost("/items", (Item item) => item.Id));

        CapturedResponse missing = await harness.SendAsync(new TestRequest("POST", "/items").WithHeader("Content-Type", "application/json"));
        CapturedResponse malformed = await harness.SendAsync(TestRequest.Post("/items", "{\"id\":", "application/json"));

        Assert.Equal(400, missing.StatusCode);
        Assert.Equal(400, malformed.StatusCode);
    }

    [Fact]
    public async Task BinaryBodies_EveryByteValue_RoundTripsUnchanged()
    {
        byte[] sent = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Enumerable.Range(0, 256).Select(i => (byte)(255 - i))).ToArray();
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapPost("/reverse", async (HttpContext context) =>
            {
                var memory = new System.IO.MemoryStream();
                await context.Request.Body.CopyToAsync(memory);
                byte[] bytes = memory.ToArray();
                Array.Reverse(bytes);
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes);
            }));

        CapturedResponse response = await harness.SendAsync(new TestRequest("POST", "/reverse") { Body = sent }
            .WithHeader("Content-Type", "application/octet-stream"));

        Assert.Equal(sent.Reverse().ToArray(), response.Body);
        Assert.Equal("application/octet-stream", response.Header("Content-Type"));
        Assert.Null(response.Header("Content-Length")); // framing is the platform's
    }

    [Fact]
    public async Task Bodies_WrittenThroughBodyWriterStreamAndSendFile_AreConcatenatedInOrder()
    {
        string file = System.IO.Path.GetTempFileName();
        await System.IO.File.WriteAllTextAsync(file, "0123456789");
        try
        {
            await using AppHarness harness = await AppHarness.StartAsync(app =>
                app.MapGet("/mixed", async (HttpContext context) =>
                {
                    await context.Response.BodyWriter.WriteAsync(Encoding.UTF8.GetBytes("writer,"));
                    Memory<byte> memory = context.Response.BodyWriter.GetMemory(10_000);
                    Encoding.UTF8.GetBytes("span,").CopyTo(memory);
                    context.Response.BodyWriter.Advance(5);
                    await context.Response.BodyWriter.FlushAsync();
                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("stream,"));
                    await context.Response.SendFileAsync(file, 2, 3);
                }));

            CapturedResponse response = await harness.SendAsync(TestRequest.Get("/mixed"));

            Assert.Equal("writer,span,stream,234", response.BodyText);
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }

    [Fact]
    public async Task Head_BodyIsDroppedAndHeadersKept()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
            app.MapMethods("/doc", new[] { "GET", "HEAD" }, (HttpResponse response) =>
            {
                response.Headers["X-Doc"] = "1";
                return "the document";
            }));

        CapturedResponse head = await harness.SendAsync(new TestRequest("HEAD", "/doc"));

        Assert.Equal(200, head.StatusCode);
        Assert.Empty(head.Body);
        Assert.Equal("1", head.Header("X-Doc"));
    }

    [Fact]
    public async Task Results_NotFoundAndStatusCodes_PassThrough()
    {
        await using AppHarness harness = await AppHarness.StartAsync(app =>
        {
            app.MapGet("/items/{id:int}", Results<Ok<Item>, NotFound> (int id) =>
                id == 1 ? TypedResults.Ok(new Item(1, "one", Array.Empty<string>())) : TypedResults.NotFound());
            app.MapGet("/teapot", () => Results.StatusCode(418));
        });

        CapturedResponse found = await harness.SendAsync(TestRequest.Get("/items/1"));
        CapturedResponse missing = await harness.SendAsync(TestRequest.Get("/items/2"));
        CapturedResponse teapot = await harness.SendAsync(TestRequest.Get("/teapot"));

        Assert.Equal(200, found.StatusCode);
        Assert.Equal("one", JsonDocument.Parse(found.Body).RootElement.GetProperty("name").GetString());
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(418, teapot.StatusCode);
    }
}
