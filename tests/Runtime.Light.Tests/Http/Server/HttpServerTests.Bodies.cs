using System;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>Request bodies: Content-Length, chunked, Expect: 100-continue, bytes one at a time, a client that leaves.</summary>
public sealed partial class HttpServerTests
{
    [Fact]
    public async Task Body_ContentLengthInPieces_IsBufferedWhole()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();
        string body = new string('x', 100_000);

        await client.SendAsync("POST /p HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" + body[..10]);
        await client.SendAsync(body[10..50_000]);
        await client.SendAsync(body[50_000..]);
        RawResponse response = await client.ReadResponseAsync();

        Assert.Equal("POST /p\n" + body, response.BodyText);
    }

    [Fact]
    public async Task Body_Chunked_IsDechunkedWithExtensionsAndTrailers()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(
            "POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "5;name=value\r\nhello\r\n" +
            "1\r\n \r\n" +
            "0005\r\nworld\r\n" +
            "0;last\r\nX-Trailer: 1\r\nX-Other: 2\r\n\r\n" +
            Get("/next"));
        RawResponse chunked = await client.ReadResponseAsync();
        RawResponse next = await client.ReadResponseAsync();

        Assert.Equal("POST /c\nhello world", chunked.BodyText);
        Assert.Equal("GET /next\n", next.BodyText);
    }

    [Fact]
    public async Task Body_ExpectContinue_Gets100BeforeTheBodyIsSent()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync("POST /e HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
        RawResponse interim = await client.ReadResponseAsync();
        Assert.Equal(0, server.Handler.Calls);
        await client.SendAsync("body");
        RawResponse final = await client.ReadResponseAsync();

        Assert.Equal(100, interim.StatusCode);
        Assert.Equal("HTTP/1.1 100 Continue", interim.StatusLine);
        Assert.Empty(interim.Headers);
        Assert.Equal(200, final.StatusCode);
        Assert.Equal("POST /e\nbody", final.BodyText);
    }

    [Fact]
    public async Task Body_ExpectContinueChunked_Gets100Too()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync("PUT /e HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n");
        Assert.Equal(100, (await client.ReadResponseAsync()).StatusCode);
        await client.SendAsync("2\r\nok\r\n0\r\n\r\n");

        Assert.Equal("PUT /e\nok", (await client.ReadResponseAsync()).BodyText);
    }

    [Fact]
    public async Task Body_ExpectContinueOverTheLimit_Gets413Not100()
    {
        await using Running server = Start(configure: o => new() { EndPoint = o.EndPoint, MaxRequestBodyBytes = 10 });
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync("POST /e HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n");

        Assert.Equal(413, (await client.ReadResponseAsync()).StatusCode);
        Assert.True(await client.ClosedByServerAsync());
        Assert.Equal(0, server.Handler.Calls);
    }

    [Fact]
    public async Task Body_ExpectContinueWithoutBody_GetsNo100()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/e", "Expect: 100-continue\r\n"));

        Assert.Equal(200, (await client.ReadResponseAsync()).StatusCode);
    }

    [Fact]
    public async Task Request_SentOneByteAtATime_IsServed()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();

        await client.SendBytewiseAsync(
            "POST /slow?q=1 HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: v\r\n\r\n" +
            Post("/again", "fgh"));

        Assert.Equal("POST /slow?q=1\nabcde", (await client.ReadResponseAsync()).BodyText);
        Assert.Equal("POST /again\nfgh", (await client.ReadResponseAsync()).BodyText);
        Assert.Equal(2, server.Handler.Calls);
    }

    [Theory]
    [InlineData("POST /p HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")]
    [InlineData("POST /p HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")]
    [InlineData("POST /p HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n0\r\n")]
    public async Task Body_ClientClosesInTheMiddle_RequestIsDroppedWithoutTheHandler(string partial)
    {
        await using Running server = Start();
        await using (RawClient client = await server.ConnectAsync())
        {
            await client.SendAsync(partial);
            client.ShutdownSend();
            Assert.True(await client.ClosedByServerAsync());
        }

        await server.Sink.WaitForAsync(e => e.MessageTemplate.Text.Contains("middle of a request body", StringComparison.Ordinal));
        Assert.Equal(0, server.Handler.Calls);
        Assert.Equal(0, server.Server.RequestsServed);
    }

    [Fact]
    public async Task Request_ClientHalfClosesAfterACompleteRequest_IsStillAnswered()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Post("/half", "x"));
        client.ShutdownSend();

        Assert.Equal("POST /half\nx", (await client.ReadResponseAsync()).BodyText);
        Assert.True(await client.ClosedByServerAsync());
    }

    [Fact]
    public async Task Body_LargeChunked_UpToTheLimit_IsAccepted()
    {
        await using Running server = Start(configure: o => new() { EndPoint = o.EndPoint, MaxRequestBodyBytes = 300_000 });
        await using RawClient client = await server.ConnectAsync();
        var request = new StringBuilder("POST /big HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 30; i++)
        {
            request.Append("2710\r\n").Append((char)('a' + (i % 26)), 10_000).Append("\r\n");
        }
        request.Append("0\r\n\r\n");

        await client.SendAsync(request.ToString());
        RawResponse response = await client.ReadResponseAsync();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("POST /big\n".Length + 300_000, response.Body.Length);
    }
}
