using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Runtime.Emulator;
using Runtime.Light.Http.Server;
using Serilog;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>The platforms' callers from bench/Emulator (written from the platforms' docs, not from this server) against it.</summary>
public sealed partial class HttpServerTests
{
    private static HttpServer StartOn(int port, DelegateHandler handler) =>
        HttpServer.Start(new HttpServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, port) }, handler, new LoggerConfiguration().CreateLogger());

    [Fact]
    public async Task Callers_AlibabaFc_InvokesAndHttpInvokes_ShareOneKeepAliveConnection()
    {
        var requestIds = new ConcurrentQueue<string?>();
        var handler = new DelegateHandler((request, response, _) =>
        {
            requestIds.Enqueue(request.Headers["x-fc-request-id"]);
            response.Headers.Add("Content-Type", "text/plain");
            response.Body.Write(Encoding.UTF8.GetBytes(request.Method + " " + request.Path + "?" + request.QueryString + " "));
            response.Body.Write(request.Body.Span);
            return default;
        });
        await using var fc = new AlibabaFcEmulator();
        await using HttpServer server = StartOn(fc.Port, handler);

        ReadyInfo ready = await fc.WaitForReadyAsync(Wait);
        FcOutcome invoke = await fc.InvokeAsync("{\"n\":1}", "req-1");
        FcOutcome http = await fc.HttpInvokeAsync("PUT", "/items/%E4%B8%AD?x=1&x=2",
            new[] { new KeyValuePair<string, string>("Content-Type", "application/json") }, Encoding.UTF8.GetBytes("[1]"), "req-2");

        Assert.Equal(200, ready.FirstResponse.StatusCode);
        Assert.Equal(200, invoke.StatusCode);
        Assert.Equal("POST /invoke? {\"n\":1}", Encoding.UTF8.GetString(invoke.Body));
        Assert.Equal(200, http.StatusCode);
        Assert.Equal("PUT /items/\u4e2d?x=1&x=2 [1]", Encoding.UTF8.GetString(http.Body));
        Assert.Equal(new[] { "req-1", "req-2" }, new List<string?>(requestIds).GetRange(1, 2));
        Assert.Equal(1, fc.ConnectionsOpened);
    }

    [Fact]
    public async Task Callers_CloudRun_CloudEventInBinaryMode_ArrivesWithItsHeaders()
    {
        var seen = new TaskCompletionSource<(string? Id, string? Type, string? ContentType, string Body)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler((request, response, _) =>
        {
            if (request.Headers["ce-id"] is not null)
            {
                seen.TrySetResult((request.Headers["ce-id"], request.Headers["ce-type"], request.Headers["Content-Type"], Encoding.UTF8.GetString(request.Body.Span)));
            }
            response.StatusCode = 204;
            return default;
        });
        await using var cloudRun = new CloudRunEmulator();
        await using HttpServer server = StartOn(cloudRun.Port, handler);
        await cloudRun.WaitForReadyAsync(Wait);

        ReceivedResponse response = await cloudRun.SendCloudEventBinaryAsync(new CloudEvent
        {
            Id = "evt-1",
            Source = "//pubsub.googleapis.com/projects/p/topics/t",
            Type = "google.cloud.pubsub.topic.v1.messagePublished",
            DataContentType = "application/json",
            Data = Encoding.UTF8.GetBytes("{\"message\":{}}"),
        });

        var s = await seen.Task.WaitAsync(Wait);
        Assert.Equal(204, response.StatusCode);
        Assert.Equal("evt-1", s.Id);
        Assert.Equal("google.cloud.pubsub.topic.v1.messagePublished", s.Type);
        Assert.Equal("application/json", s.ContentType);
        Assert.Equal("{\"message\":{}}", s.Body);
    }

    [Fact]
    public async Task MaxConcurrentConnections_Reached_NextClientIsServedWhenOneCloses()
    {
        await using Running server = Start(configure: o => new() { EndPoint = o.EndPoint, MaxConcurrentConnections = 1 });
        await using RawClient first = await server.ConnectAsync();
        await first.SendAsync(Get("/a"));
        Assert.Equal(200, (await first.ReadResponseAsync()).StatusCode);

        // The second client's connect completes in the kernel's backlog, but the server does not take it yet.
        await using RawClient second = await server.ConnectAsync();
        await second.SendAsync(Get("/b"));
        await first.SendAsync(Get("/a2"));
        Assert.Equal(200, (await first.ReadResponseAsync()).StatusCode);
        Assert.Equal(2, server.Handler.Calls);
        await first.DisposeAsync();

        Assert.Equal("GET /b\n", (await second.ReadResponseAsync()).BodyText);
    }
}
