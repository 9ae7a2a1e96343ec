using System;
using System.Threading.Tasks;
using Serilog.Events;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>Malformed requests, limits, the headers timeout, and failing handlers.</summary>
public sealed partial class HttpServerTests
{
    [Theory]
    [InlineData("GET / HTTP/1.1\r\n\r\n", 400, "An HTTP/1.1 request must have a Host header.")]
    [InlineData("GET / HTTP/1.1\r\nHost: t\r\nName : x\r\n\r\n", 400, "Whitespace between a header name and its colon is not allowed.")]
    [InlineData("GET / HTTP/1.1\r\nHost: t\nX: 1\r\n\r\n", 400, "A header line does not end with CRLF.")]
    [InlineData("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "The request has both Content-Length and Transfer-Encoding.")]
    [InlineData("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400, "A chunk size is missing or not hexadecimal.")]
    [InlineData("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501, "Only the chunked transfer coding is supported.")]
    [InlineData("GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505, "Only HTTP/1.0 and HTTP/1.1 are supported.")]
    public async Task Malformed_Request_GetsOneStatusWithTheProblemThenClose(string request, int status, string message)
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(request);
        RawResponse response = await client.ReadResponseAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, response.BodyText);
        Assert.Equal("close", response.Get("Connection"));
        Assert.Equal("text/plain; charset=utf-8", response.Get("Content-Type"));
        Assert.True(await client.ClosedByServerAsync());
        Assert.Equal(0, server.Handler.Calls);
        LogEvent warning = await server.Sink.WaitForAsync(e => e.Level == LogEventLevel.Warning);
        Assert.True(CollectingSink.Has(warning, "StatusCode", status));
        Assert.True(CollectingSink.Has(warning, "Problem", message));
    }

    [Fact]
    public async Task Malformed_Request_OtherConnectionsKeepBeingServed()
    {
        await using Running server = Start();
        await using RawClient good = await server.ConnectAsync();
        await using RawClient bad = await server.ConnectAsync();
        await good.SendAsync(Get("/before"));
        Assert.Equal(200, (await good.ReadResponseAsync()).StatusCode);

        await bad.SendAsync("GARBAGE\r\n\r\n");
        Assert.Equal(400, (await bad.ReadResponseAsync()).StatusCode);
        await good.SendAsync(Get("/after"));

        Assert.Equal("GET /after\n", (await good.ReadResponseAsync()).BodyText);
    }

    [Fact]
    public async Task Limit_RequestLine_Gets414()
    {
        await using Running server = Start(configure: o => new() { EndPoint = o.EndPoint, MaxRequestLineBytes = 100 });
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync("GET /" + new string('a', 200));
        RawResponse response = await client.ReadResponseAsync();

        Assert.Equal(414, response.StatusCode);
        Assert.Equal("The request line is longer than 100 bytes.", response.BodyText);
        Assert.True(await client.ClosedByServerAsync());
    }

    [Fact]
    public async Task Limit_Headers_Gets431()
    {
        await using Running server = Start(configure: o => new() { EndPoint = o.EndPoint, MaxRequestHeadersBytes = 1024 });
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + new string('b', 2000) + "\r\n\r\n");
        RawResponse response = await client.ReadResponseAsync();

        Assert.Equal(431, response.StatusCode);
        Assert.Equal("The request header section is larger than 1024 bytes.", response.BodyText);
        Assert.True(await client.ClosedByServerAsync());
    }

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 1001\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n")]
    public async Task Limit_Body_Gets413(string request)
    {
        await using Running server = Start(configure: o => new() { EndPoint = o.EndPoint, MaxRequestBodyBytes = 1000 });
        await using RawClient client = await server.ConnectAsync();

        // The chunked case is 1000 bytes announced in a first chunk, then one more.
        await client.SendAsync(request.Contains("3e8", StringComparison.Ordinal)
            ? request + new string('c', 1000) + "\r\n1\r\n"
            : request);
        RawResponse response = await client.ReadResponseAsync();

        Assert.Equal(413, response.StatusCode);
        Assert.Equal("The request body is larger than 1000 bytes.", response.BodyText);
        Assert.True(await client.ClosedByServerAsync());
        Assert.Equal(0, server.Handler.Calls);
    }

    [Fact]
    public async Task Limit_BodyRejectedWhileTheClientStillSends_ResponseStillArrives()
    {
        await using Running server = Start(configure: o => new() { EndPoint = o.EndPoint, MaxRequestBodyBytes = 1000 });
        await using RawClient client = await server.ConnectAsync();

        // The whole oversized body follows the head at once: the server answers without reading it, then lingers
        // (reading and dropping) so that closing with unread input does not reset the connection under the answer.
        await client.SendAsync("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 200000\r\n\r\n" + new string('z', 200_000));
        RawResponse response = await client.ReadResponseAsync();
        client.ShutdownSend();

        Assert.Equal(413, response.StatusCode);
        Assert.True(await client.ClosedByServerAsync());
    }

    [Fact]
    public async Task Timeout_HeadNotCompleteInTime_Gets408()
    {
        await using Running server = Start(configure: o => new() { EndPoint = o.EndPoint, RequestHeadersTimeout = TimeSpan.FromMilliseconds(200) });
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync("GET / HTTP/1.1\r\nHost: t\r\n");
        RawResponse response = await client.ReadResponseAsync();

        Assert.Equal(408, response.StatusCode);
        Assert.Equal("The request head did not arrive within 200 ms.", response.BodyText);
        Assert.True(await client.ClosedByServerAsync());
        Assert.Equal(0, server.Handler.Calls);
    }

    [Fact]
    public async Task Timeout_HeadersTimeout_DoesNotApplyToAnIdleConnection()
    {
        await using Running server = Start(configure: o => new() { EndPoint = o.EndPoint, RequestHeadersTimeout = TimeSpan.FromMilliseconds(50) });
        await using RawClient idle = await server.ConnectAsync();
        await using RawClient slow = await server.ConnectAsync();

        // The slow client's 408 proves the timer ran well past the idle one's 50 ms; the idle connection is intact.
        await idle.SendAsync(Get("/1"));
        Assert.Equal(200, (await idle.ReadResponseAsync()).StatusCode);
        await slow.SendAsync("GET / HTT");
        Assert.Equal(408, (await slow.ReadResponseAsync()).StatusCode);
        await idle.SendAsync(Get("/2"));

        Assert.Equal("GET /2\n", (await idle.ReadResponseAsync()).BodyText);
    }

    [Fact]
    public async Task Timeout_KeepAlive_ClosesAnIdleConnectionWithoutAnAnswer()
    {
        await using Running server = Start(configure: o => new() { EndPoint = o.EndPoint, KeepAliveTimeout = TimeSpan.FromMilliseconds(100) });
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/"));
        Assert.Equal(200, (await client.ReadResponseAsync()).StatusCode);

        Assert.True(await client.ClosedByServerAsync());
        await server.Sink.WaitForAsync(e => e.MessageTemplate.Text.Contains("keep-alive timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handler_Throws_Gets500WithoutDetailAndTheNextRequestIsServed()
    {
        var handler = new DelegateHandler((request, response, _) =>
        {
            if (request.Path == "/boom")
            {
                response.Headers.Add("X-Partial", "1");
                response.Body.Write("partial"u8);
                throw new InvalidOperationException("secret detail");
            }
            response.Body.Write("fine"u8);
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/boom"));
        RawResponse failed = await client.ReadResponseAsync();
        await client.SendAsync(Get("/ok"));
        RawResponse next = await client.ReadResponseAsync();

        Assert.Equal(500, failed.StatusCode);
        Assert.Equal("Internal Server Error", failed.BodyText);
        Assert.DoesNotContain("secret", failed.BodyText, StringComparison.Ordinal);
        Assert.Null(failed.Get("X-Partial"));
        Assert.Null(failed.Get("Connection"));
        Assert.Equal("fine", next.BodyText);
        LogEvent error = Assert.Single(server.Sink.At(LogEventLevel.Error));
        Assert.Equal("secret detail", error.Exception?.Message);
    }

    [Fact]
    public async Task Handler_ThrowsAsynchronously_Gets500()
    {
        var handler = new DelegateHandler(async (_, _, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("later");
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/") + Get("/"));

        Assert.Equal(500, (await client.ReadResponseAsync()).StatusCode);
        Assert.Equal(500, (await client.ReadResponseAsync()).StatusCode);
    }

    [Theory]
    [InlineData("X-Evil", "a\r\nSet-Cookie: injected=1")]
    [InlineData("Bad Name", "v")]
    [InlineData("", "v")]
    public async Task Handler_WritesAHeaderThatCouldSplitTheResponse_Gets500(string name, string value)
    {
        var handler = new DelegateHandler((_, response, _) =>
        {
            response.Headers.Add(name, value);
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/"));
        RawResponse response = await client.ReadResponseAsync();

        Assert.Equal(500, response.StatusCode);
        Assert.Null(response.Get("Set-Cookie"));
        Assert.Single(server.Sink.At(LogEventLevel.Error));
    }

    [Fact]
    public async Task Handler_SetsAnInterimStatus_Gets500()
    {
        var handler = new DelegateHandler((_, response, _) =>
        {
            response.StatusCode = 101;
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/"));

        Assert.Equal(500, (await client.ReadResponseAsync()).StatusCode);
    }
}
