using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>Graceful stop: refuse new connections, close idle ones, let requests in flight finish, abort at the timeout.</summary>
public sealed partial class HttpServerTests
{
    [Fact]
    public async Task Stop_RequestInFlight_FinishesAndIsAnsweredWhileIdleConnectionsCloseAndNewOnesAreRefused()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler(async (request, response, _) =>
        {
            if (request.Path == "/slow")
            {
                entered.TrySetResult();
                await release.Task;
            }
            response.Body.Write("done"u8);
        });
        await using Running server = Start(handler);
        await using RawClient idle = await server.ConnectAsync();
        await using RawClient idleNeverUsed = await server.ConnectAsync();
        await using RawClient busy = await server.ConnectAsync();
        await idle.SendAsync(Get("/warm"));
        Assert.Equal(200, (await idle.ReadResponseAsync()).StatusCode);
        await busy.SendAsync(Get("/slow"));
        await entered.Task.WaitAsync(Wait);

        Task stopping = server.Server.StopAsync(TimeSpan.FromSeconds(30));

        // Idle keep-alive connections close at once, with no answer.
        Assert.True(await idle.ClosedByServerAsync());
        Assert.True(await idleNeverUsed.ClosedByServerAsync());
        // The listener closed before the idle connections were woken: new connections are refused.
        SocketException refused = await Assert.ThrowsAnyAsync<SocketException>(() => RawClient.ConnectAsync(server.EndPoint));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.False(stopping.IsCompleted);

        release.SetResult();
        RawResponse response = await busy.ReadResponseAsync();
        await stopping.WaitAsync(Wait);

        Assert.Equal("done", response.BodyText);
        Assert.Equal("close", response.Get("Connection"));
        Assert.True(await busy.ClosedByServerAsync());
        Assert.Equal(2, server.Server.RequestsServed);
    }

    [Fact]
    public async Task Stop_PipelinedRequestBehindTheOneInFlight_IsLeftForTheClientToRetry()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler(async (request, response, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            response.Body.Write(System.Text.Encoding.ASCII.GetBytes(request.Path));
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();
        await client.SendAsync(Get("/1") + Get("/2"));
        await entered.Task.WaitAsync(Wait);

        Task stopping = server.Server.StopAsync(TimeSpan.FromSeconds(30));
        release.SetResult();

        // The answer in flight says the connection closes, so the client knows /2 was not processed (RFC 9112 §9.3.2).
        RawResponse first = await client.ReadResponseAsync();
        Assert.Equal("/1", first.BodyText);
        Assert.Equal("close", first.Get("Connection"));
        Assert.True(await client.ClosedByServerAsync());
        await stopping.WaitAsync(Wait);
        Assert.Equal(1, server.Handler.Calls);
    }

    [Fact]
    public async Task Stop_DrainTimeout_CancelsTheHandlerAndClosesWithoutAnAnswer()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var canceled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler(async (_, _, cancellationToken) =>
        {
            entered.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                canceled.TrySetResult();
            }
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();
        await client.SendAsync(Get("/stuck"));
        await entered.Task.WaitAsync(Wait);

        await server.Server.StopAsync(TimeSpan.FromMilliseconds(100)).WaitAsync(Wait);

        await canceled.Task.WaitAsync(Wait);
        Assert.True(await client.ClosedByServerAsync());
        Assert.Equal(0, server.Server.RequestsServed);
    }

    [Fact]
    public async Task Stop_CalledTwiceThenDisposed_NeverThrows()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();
        await client.SendAsync(Get("/"));
        Assert.Equal(200, (await client.ReadResponseAsync()).StatusCode);

        Task first = server.Server.StopAsync(TimeSpan.FromSeconds(5));
        Task second = server.Server.StopAsync(TimeSpan.Zero);

        Assert.Same(first, second);
        await first.WaitAsync(Wait);
        await server.Server.DisposeAsync();
        Assert.True(await client.ClosedByServerAsync());
    }
}
