using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

/// <summary>The shared caller behaviour (pool, framing, readiness, raw sends), exercised through Cloud Run.</summary>
public sealed partial class CloudRunEmulatorTests
{
    [Fact]
    public async Task WaitForReady_ServerStartsLater_ReportsAcceptThenFirstAnsweredGet()
    {
        await using var run = new CloudRunEmulator();
        Task<ReadyInfo> ready = run.WaitForReadyAsync(Some.Patience);
        long beforeListen = Stopwatch.GetTimestamp();
        await using var server = FakeHttpServer.Start(run.Port, FakeReply.Text("missing", 404, "Not Found"));

        ReadyInfo info = await ready.WaitAsync(Some.Patience);
        long after = Stopwatch.GetTimestamp();

        Assert.Equal(("GET", "/"), (info.FirstResponse.Request.Method, info.FirstResponse.Request.Target));
        Assert.Equal(404, info.FirstResponse.StatusCode);
        Assert.InRange(info.FirstAcceptedTimestamp, beforeListen, after);
        Assert.InRange(info.FirstResponseTimestamp, info.FirstAcceptedTimestamp, after);
        Assert.True(info.ConnectAttempts >= 1);
        Assert.True(info.UntilAccepted >= TimeSpan.Zero);
        Assert.True(info.AcceptedToFirstResponse >= TimeSpan.Zero);
        Assert.Single(run.Responses);
    }

    [Fact]
    public async Task WaitForReady_NothingListens_ThrowsTimeoutAfterManyAttempts()
    {
        await using var run = new CloudRunEmulator();

        TimeoutException timeout = await Assert.ThrowsAsync<TimeoutException>(() => run.WaitForReadyAsync(TimeSpan.FromMilliseconds(200)).WaitAsync(Some.Patience));

        Assert.Contains("not ready", timeout.Message, StringComparison.Ordinal);
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async Task Send_1000Concurrent_AllCompleteOverAtMostMaxConnectionsKeptAlive()
    {
        await using var run = new CloudRunEmulator(new CloudRunEmulatorOptions { Caller = new CallerOptions { MaxConnections = 50 } });
        await using var server = FakeHttpServer.Start(run.Port, request => FakeReply.Text("echo" + request.Target));

        ReceivedResponse[] responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => run.SendAsync("GET", "/item/" + i))).WaitAsync(TimeSpan.FromSeconds(60));

        for (int i = 0; i < responses.Length; i++)
        {
            Assert.Equal("echo/item/" + i, responses[i].BodyText);
            Assert.True(responses[i].KeepAlive);
        }

        Assert.InRange(server.ConnectionsAccepted, 1, 50);
        Assert.Equal(server.ConnectionsAccepted, run.ConnectionsOpened);
        Assert.Equal(1000, run.Requests.Select(r => r.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Send_ChunkedAnswerWithTrailer_IsDechunkedAndRecordedExactly()
    {
        await using var run = new CloudRunEmulator();
        await using var server = FakeHttpServer.Start(run.Port, new FakeReply { Body = Encoding.UTF8.GetBytes("hello chunked world"), Chunked = true });

        ReceivedResponse response = await run.SendAsync("GET", "/").WaitAsync(Some.Patience);

        Assert.True(response.IsChunked);
        Assert.Equal("hello chunked world", response.BodyText);
        Assert.Equal(new KeyValuePair<string, string>("X-Trailer", "done"), Assert.Single(response.Trailers));
        string raw = Encoding.UTF8.GetString(response.RawBytes);
        Assert.StartsWith("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n9;ext=1\r\nhello chu\r\n", raw, StringComparison.Ordinal);
        Assert.EndsWith("0\r\nX-Trailer: done\r\n\r\n", raw, StringComparison.Ordinal);
        Assert.True(response.KeepAlive);
    }

    [Fact]
    public async Task Send_ServerClosesAKeptAliveConnection_NextRequestUsesANewOne()
    {
        await using var run = new CloudRunEmulator();
        await using var server = FakeHttpServer.Start(run.Port, new FakeReply { Body = "x"u8.ToArray(), CloseAfter = true });

        ReceivedResponse first = await run.SendAsync("GET", "/1").WaitAsync(Some.Patience);
        ReceivedResponse second = await run.SendAsync("GET", "/2").WaitAsync(Some.Patience);

        Assert.Equal("x", first.BodyText);
        Assert.Equal("x", second.BodyText);
        Assert.Equal(2, server.ConnectionsAccepted);
        Assert.Equal(new[] { 1, 2 }, server.Requests.Select(r => r.ConnectionId).ToArray());
    }

    [Fact]
    public async Task Send_AnswerWithoutFramingThenClose_ReadsTheBodyToTheEnd()
    {
        await using var run = new CloudRunEmulator();
        await using var server = FakeHttpServer.Start(run.Port, new FakeReply { Raw = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close"u8.ToArray() });

        ReceivedResponse response = await run.SendAsync("GET", "/").WaitAsync(Some.Patience);

        Assert.Equal("HTTP/1.0", response.Version);
        Assert.Equal("until close", response.BodyText);
        Assert.False(response.KeepAlive);
    }

    [Fact]
    public async Task Send_InterimContinueThenFinal_ReturnsTheFinalResponse()
    {
        await using var run = new CloudRunEmulator();
        await using var server = FakeHttpServer.Start(run.Port, new FakeReply { Raw = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray() });

        ReceivedResponse response = await run.SendAsync("POST", "/", body: "x"u8.ToArray()).WaitAsync(Some.Patience);

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("ok", response.BodyText);
        Assert.StartsWith("HTTP/1.1 100 Continue\r\n\r\n", Encoding.UTF8.GetString(response.RawBytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_GarbageAnswer_ThrowsInvalidData()
    {
        await using var run = new CloudRunEmulator();
        await using var server = FakeHttpServer.Start(run.Port, new FakeReply { Raw = "NOT HTTP AT ALL\r\n\r\n"u8.ToArray() });

        await Assert.ThrowsAsync<System.IO.InvalidDataException>(() => run.SendAsync("GET", "/").WaitAsync(Some.Patience));
    }

    [Fact]
    public async Task Send_ServerNeverAnswers_ThrowsTimeoutAfterRequestTimeout()
    {
        await using var run = new CloudRunEmulator(new CloudRunEmulatorOptions { Caller = new CallerOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) } });
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The answer is held until the client has given up (released below), so the client times out first.
        await using var server = FakeHttpServer.Start(run.Port, new FakeReply { Body = "late"u8.ToArray(), HoldUntil = gate.Task });

        await Assert.ThrowsAsync<TimeoutException>(() => run.SendAsync("GET", "/slow").WaitAsync(Some.Patience));
        gate.SetResult();
    }

    [Fact]
    public async Task SendRaw_MalformedRequest_ReturnsTheExactAnswerAndHowItEnded()
    {
        await using var run = new CloudRunEmulator();
        byte[] answer = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray();
        await using var server = FakeHttpServer.Start(run.Port, new FakeReply { Raw = answer });

        RawExchangeResult result = await run.SendRawAsync("GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n"u8.ToArray()).WaitAsync(Some.Patience);

        Assert.Equal(answer, result.Bytes);
        Assert.Equal(RawExchangeEnd.ServerClosed, result.End);
        Assert.Empty(run.Requests);
        Assert.Equal("GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n", (await server.FirstRequest.WaitAsync(Some.Patience)).RawText);
    }

    [Fact]
    public async Task SendRaw_ServerKeepsTheConnectionOpen_StopsAtTheTimeout()
    {
        await using var run = new CloudRunEmulator();
        await using var server = FakeHttpServer.Start(run.Port, FakeReply.Text("kept"));

        RawExchangeResult result = await run.SendRawAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(), TimeSpan.FromMilliseconds(300)).WaitAsync(Some.Patience);

        Assert.Equal(RawExchangeEnd.Timeout, result.End);
        Assert.Equal("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nkept", result.Text);
    }
}
