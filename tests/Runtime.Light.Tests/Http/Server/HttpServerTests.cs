using System;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Light.Http.Server;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>
/// <see cref="HttpServer"/> over real sockets on 127.0.0.1, port 0, driven by <see cref="RawClient"/>. No sleeps:
/// every wait is for a signal (a response, a close, a log event, a handler gate) with an upper bound.
/// </summary>
public sealed partial class HttpServerTests
{
    private static readonly TimeSpan Wait = RawClient.Wait;

    /// <summary>A started server, its handler and its log.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private readonly Logger _logger;

        public Running(DelegateHandler handler, Func<HttpServerOptions, HttpServerOptions>? configure)
        {
            Handler = handler;
            Sink = new CollectingSink();
            _logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(Sink).CreateLogger();
            var options = new HttpServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) };
            Server = HttpServer.Start(configure is null ? options : configure(options), handler, _logger);
        }

        public HttpServer Server { get; }

        public DelegateHandler Handler { get; }

        public CollectingSink Sink { get; }

        public IPEndPoint EndPoint => Server.LocalEndPoint;

        public Task<RawClient> ConnectAsync() => RawClient.ConnectAsync(EndPoint);

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            _logger.Dispose();
        }
    }

    private static Running Start(DelegateHandler? handler = null, Func<HttpServerOptions, HttpServerOptions>? configure = null) =>
        new(handler ?? DelegateHandler.Echo(), configure);

    private static string Get(string target, string extra = "") => "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra + "\r\n";

    private static string Post(string target, string body, string extra = "") =>
        "POST " + target + " HTTP/1.1\r\nHost: test\r\nContent-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\n" + extra + "\r\n" + body;

    [Fact]
    public async Task Start_PortZero_ListensOnARealPort()
    {
        await using Running server = Start();

        Assert.Equal(IPAddress.Loopback, server.EndPoint.Address);
        Assert.NotEqual(0, server.EndPoint.Port);
        Assert.Contains(server.Sink.Events, e => e.Level == LogEventLevel.Information && e.MessageTemplate.Text.Contains("listening", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_PortInUse_ThrowsSocketException()
    {
        await using Running first = Start();

        var options = new HttpServerOptions { EndPoint = first.EndPoint };
        Assert.ThrowsAny<System.Net.Sockets.SocketException>(() => HttpServer.Start(options, DelegateHandler.Echo(), new LoggerConfiguration().CreateLogger()));
    }

    [Fact]
    public async Task Request_Typical_HandlerSeesEverythingTheClientSent()
    {
        var seen = new TaskCompletionSource<(string Method, string RawTarget, string Path, string RawPath, string Query, string Headers, string Body, Version Version, IPEndPoint? Remote, long Connection)>(
            TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler((request, response, _) =>
        {
            seen.TrySetResult((request.Method, request.RawTarget, request.Path, request.RawPath, request.QueryString,
                string.Join("|", request.Headers.GetValues("X-Multi")) + "|" + request.Headers["x-fc-request-id"],
                Encoding.UTF8.GetString(request.Body.Span), request.Version, request.RemoteEndPoint, request.ConnectionId));
            response.StatusCode = 202;
            response.Headers.Add("X-Answer", "\u4e2d");
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Post("/a%20b/c?x=1&x=2", "{\"n\":1}", "X-Multi: 1\r\nx-fc-request-id: r-1\r\nX-MULTI: 2\r\n"));
        RawResponse response = await client.ReadResponseAsync();

        var s = await seen.Task.WaitAsync(Wait);
        Assert.Equal("POST", s.Method);
        Assert.Equal("/a%20b/c?x=1&x=2", s.RawTarget);
        Assert.Equal("/a b/c", s.Path);
        Assert.Equal("/a%20b/c", s.RawPath);
        Assert.Equal("x=1&x=2", s.Query);
        Assert.Equal("1|2|r-1", s.Headers);
        Assert.Equal("{\"n\":1}", s.Body);
        Assert.Equal(HttpVersion.Version11, s.Version);
        Assert.Equal(IPAddress.Loopback, s.Remote!.Address);
        Assert.True(s.Connection > 0);
        Assert.Equal(202, response.StatusCode);
        Assert.Equal("HTTP/1.1 202 Accepted", response.StatusLine);
        Assert.Equal("\u4e2d", response.Get("X-Answer"));
        Assert.Equal("0", response.Get("Content-Length"));
        Assert.NotNull(response.Get("Date"));
        Assert.Null(response.Get("Connection"));
    }

    [Fact]
    public async Task KeepAlive_SeveralRequests_ShareOneConnection()
    {
        var connections = new System.Collections.Concurrent.ConcurrentBag<long>();
        var handler = new DelegateHandler((request, response, _) =>
        {
            connections.Add(request.ConnectionId);
            response.Body.Write(Encoding.ASCII.GetBytes(request.Path));
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        for (int i = 0; i < 5; i++)
        {
            await client.SendAsync(Get("/n" + i, i == 4 ? "Connection: close\r\n" : string.Empty));
            RawResponse response = await client.ReadResponseAsync();
            Assert.Equal("/n" + i, response.BodyText);
        }
        // The server counts a response once it is sent, then closes: after the close the count is final.
        Assert.True(await client.ClosedByServerAsync());

        Assert.Equal(5, connections.Count);
        Assert.Single(new System.Collections.Generic.HashSet<long>(connections));
        Assert.Equal(5, server.Server.RequestsServed);
    }

    [Fact]
    public async Task Pipelining_RequestsInOneWrite_AreAnsweredInOrder()
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler(async (request, response, _) =>
        {
            if (request.Path == "/1")
            {
                // The first request is the slowest: the answers must still come in request order.
                first.TrySetResult();
                await release.Task;
            }
            response.Body.Write(Encoding.ASCII.GetBytes(request.Path + ":" + Encoding.ASCII.GetString(request.Body.Span)));
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Post("/1", "a") + Get("/2") + "POST /3 HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nc\r\n0\r\n\r\n" + Get("/4"));
        await first.Task.WaitAsync(Wait);
        Assert.Equal(1, handler.Calls);
        release.SetResult();

        Assert.Equal("/1:a", (await client.ReadResponseAsync()).BodyText);
        Assert.Equal("/2:", (await client.ReadResponseAsync()).BodyText);
        Assert.Equal("/3:c", (await client.ReadResponseAsync()).BodyText);
        Assert.Equal("/4:", (await client.ReadResponseAsync()).BodyText);
        Assert.Equal(4, handler.Calls);
    }

    [Fact]
    public async Task Http10_WithoutKeepAlive_ClosesAfterTheResponse()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync("GET /old HTTP/1.0\r\n\r\n");
        RawResponse response = await client.ReadResponseAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("HTTP/1.1 200", response.StatusLine, StringComparison.Ordinal);
        Assert.Equal("close", response.Get("Connection"));
        Assert.Equal("GET /old\n", response.BodyText);
        Assert.True(await client.ClosedByServerAsync());
    }

    [Fact]
    public async Task Http10_WithKeepAlive_StaysOpenAndSaysSo()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        RawResponse first = await client.ReadResponseAsync();
        await client.SendAsync("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        RawResponse second = await client.ReadResponseAsync();

        Assert.Equal("keep-alive", first.Get("Connection"));
        Assert.Equal("GET /b\n", second.BodyText);
    }

    [Fact]
    public async Task ConnectionClose_FromClientOrHandler_ClosesAfterTheResponse()
    {
        var handler = new DelegateHandler((request, response, _) =>
        {
            response.CloseConnection = request.Path == "/bye";
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient byClient = await server.ConnectAsync();
        await using RawClient byHandler = await server.ConnectAsync();

        await byClient.SendAsync(Get("/", "Connection: close\r\n"));
        await byHandler.SendAsync(Get("/bye"));

        Assert.Equal("close", (await byClient.ReadResponseAsync()).Get("Connection"));
        Assert.Equal("close", (await byHandler.ReadResponseAsync()).Get("Connection"));
        Assert.True(await byClient.ClosedByServerAsync());
        Assert.True(await byHandler.ClosedByServerAsync());
    }

    [Fact]
    public async Task Head_ResponseHasLengthButNoBody_AndTheConnectionStaysUsable()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync("HEAD /h HTTP/1.1\r\nHost: t\r\n\r\n" + Get("/after"));
        RawResponse head = await client.ReadResponseAsync(noBody: true);
        RawResponse after = await client.ReadResponseAsync();

        Assert.Equal("HEAD /h\n".Length.ToString(System.Globalization.CultureInfo.InvariantCulture), head.Get("Content-Length"));
        Assert.Equal("GET /after\n", after.BodyText);
    }

    [Fact]
    public async Task Response_HandlerSetsFramingHeaders_ServerOwnsTheFraming()
    {
        var handler = new DelegateHandler((_, response, _) =>
        {
            response.Headers.Add("Content-Length", "1000");
            response.Headers.Add("Transfer-Encoding", "chunked");
            response.Headers.Add("Connection", "close");
            response.Body.Write("abc"u8);
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/") + Get("/"));
        RawResponse first = await client.ReadResponseAsync();
        RawResponse second = await client.ReadResponseAsync();

        Assert.Equal("3", first.Get("Content-Length"));
        Assert.Null(first.Get("Transfer-Encoding"));
        Assert.Null(first.Get("Connection"));
        Assert.Equal("abc", second.BodyText);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 1)]
    [InlineData(3 * 1024 * 1024)]
    public async Task Response_AnySize_ArrivesWhole(int size)
    {
        byte[] payload = new byte[size];
        new Random(size).NextBytes(payload);
        var handler = new DelegateHandler((_, response, _) =>
        {
            response.Body.Write(payload);
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/big") + Get("/big"));

        Assert.Equal(payload, (await client.ReadResponseAsync()).Body);
        Assert.Equal(payload, (await client.ReadResponseAsync()).Body);
    }

    [Fact]
    public async Task Response_NoContent_HasNoLengthAndNoBody()
    {
        var handler = new DelegateHandler((_, response, _) =>
        {
            response.StatusCode = 204;
            response.Body.Write("ignored"u8);
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/") + Get("/"));
        RawResponse first = await client.ReadResponseAsync();
        RawResponse second = await client.ReadResponseAsync();

        Assert.Equal(204, first.StatusCode);
        Assert.Null(first.Get("Content-Length"));
        Assert.Equal(204, second.StatusCode);
        Assert.Equal(0, client.Buffered);
    }
}
