using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class AlibabaFcEmulatorTests
{
    [Fact]
    public async Task WaitForReady_NoInitializer_FirstRequestIsAPlainInvoke()
    {
        await using var fc = new AlibabaFcEmulator(new AlibabaFcEmulatorOptions { FirstInvokePayload = """{"warm":true}""" });
        Task<ReadyInfo> ready = fc.WaitForReadyAsync(Some.Patience);
        long beforeListen = Stopwatch.GetTimestamp();
        await using var server = FakeHttpServer.Start(fc.Port, FakeReply.Text("ok"));

        ReadyInfo info = await ready.WaitAsync(Some.Patience);
        ServerRequest first = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal("/invoke", first.Target);
        Assert.Equal("""{"warm":true}""", first.BodyText);
        Assert.Equal("/invoke", first.Header("x-fc-control-path"));
        Assert.True(info.FirstAcceptedTimestamp >= beforeListen);
        Assert.True(info.FirstResponseTimestamp >= info.FirstAcceptedTimestamp);
        Assert.True(info.StartedTimestamp <= beforeListen);
        Assert.Equal(200, info.FirstResponse.StatusCode);
    }

    [Fact]
    public async Task WaitForReady_WithInitializer_FirstRequestIsInitialize()
    {
        await using var fc = new AlibabaFcEmulator(new AlibabaFcEmulatorOptions { Initializer = "index.init" });
        await using var server = FakeHttpServer.Start(fc.Port, FakeReply.Text("ok"));

        ReadyInfo info = await fc.WaitForReadyAsync(Some.Patience);

        Assert.Equal("/initialize", info.FirstResponse.Request.Target);
        Assert.Equal("/initialize", (await server.FirstRequest.WaitAsync(Some.Patience)).Header("x-fc-control-path"));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Invoke_1000Concurrent_AllCompleteOverKeepAliveConnections()
    {
        await using var fc = new AlibabaFcEmulator(new AlibabaFcEmulatorOptions { Caller = new CallerOptions { MaxConnections = 32 } });
        await using var server = FakeHttpServer.Start(fc.Port, request => FakeReply.Text("echo:" + request.BodyText, headers: ("x-fc-status", "200")));

        FcOutcome[] outcomes = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => fc.InvokeAsync(Some.Event(i)))).WaitAsync(TimeSpan.FromSeconds(60));

        for (int i = 0; i < outcomes.Length; i++)
        {
            Assert.Equal("echo:" + Some.Event(i), outcomes[i].BodyText);
        }

        Assert.Equal(1000, new HashSet<string>(outcomes.Select(o => o.RequestId)).Count);
        Assert.InRange(server.ConnectionsAccepted, 1, 32);
        Assert.Equal(1000, fc.Requests.Count);
        Assert.Equal(1000, fc.Responses.Count);
    }
}
