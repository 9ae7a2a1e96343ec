using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>
/// Each connection on a thread of its own: handlers run there (also after an asynchronous one), connections are served
/// concurrently, and the thread ends when its connection closes, whoever closes it.
/// </summary>
public sealed partial class HttpServerTests
{
    [Fact]
    public async Task Threads_HandlerThatCompletesAsynchronously_NextRequestIsServedOnTheConnectionsThread()
    {
        var entries = new ConcurrentQueue<Thread>();
        var handler = new DelegateHandler(async (request, response, _) =>
        {
            entries.Enqueue(Thread.CurrentThread);
            if (request.Path == "/async")
            {
                // Completes on a thread-pool thread, long after the handler returned its task to the connection.
                await Task.Delay(20);
            }
            response.Body.Write(Encoding.ASCII.GetBytes(request.Path));
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/async"));
        Assert.Equal("/async", (await client.ReadResponseAsync()).BodyText);
        await client.SendAsync(Get("/async"));
        Assert.Equal("/async", (await client.ReadResponseAsync()).BodyText);
        await client.SendAsync(Get("/sync"));
        Assert.Equal("/sync", (await client.ReadResponseAsync()).BodyText);

        Thread[] threads = entries.ToArray();
        Assert.Equal(3, threads.Length);
        Assert.All(threads, thread => Assert.Same(threads[0], thread));
        Assert.False(threads[0].IsThreadPoolThread);
        Assert.True(threads[0].IsBackground);
        Assert.StartsWith("http-conn-", threads[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Threads_HandlerThatFailsAsynchronously_Gets500AndTheConnectionGoesOnOnItsThread()
    {
        var entries = new ConcurrentQueue<Thread>();
        var handler = new DelegateHandler(async (request, response, _) =>
        {
            entries.Enqueue(Thread.CurrentThread);
            await Task.Delay(10);
            if (request.Path == "/fail")
            {
                throw new InvalidOperationException("boom");
            }
            response.Body.Write("fine"u8);
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();

        await client.SendAsync(Get("/fail"));
        Assert.Equal(500, (await client.ReadResponseAsync()).StatusCode);
        await client.SendAsync(Get("/ok"));
        RawResponse ok = await client.ReadResponseAsync();

        Assert.Equal("fine", ok.BodyText);
        Thread[] threads = entries.ToArray();
        Assert.Equal(2, threads.Length);
        Assert.Same(threads[0], threads[1]);
    }

    [Fact]
    public async Task Threads_HandlerBlockingItsThread_OtherConnectionsAreStillServed()
    {
        var release = new ManualResetEventSlim();
        var threads = new ConcurrentDictionary<string, Thread>();
        var handler = new DelegateHandler((request, response, _) =>
        {
            threads[request.Path] = Thread.CurrentThread;
            if (request.Path == "/blocked")
            {
                // Blocks the connection's thread outright until the other connection's request has been answered.
                Assert.True(release.Wait(Wait));
            }
            response.Body.Write(Encoding.ASCII.GetBytes(request.Path));
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient blocked = await server.ConnectAsync();
        await using RawClient other = await server.ConnectAsync();

        await blocked.SendAsync(Get("/blocked"));
        Task<RawResponse> blockedResponse = blocked.ReadResponseAsync();
        await other.SendAsync(Get("/other"));
        RawResponse otherResponse = await other.ReadResponseAsync();
        Assert.False(blockedResponse.IsCompleted);
        release.Set();

        Assert.Equal("/other", otherResponse.BodyText);
        Assert.Equal("/blocked", (await blockedResponse).BodyText);
        Assert.NotSame(threads["/blocked"], threads["/other"]);
    }

    [Fact]
    public async Task Threads_ClientCloses_TheConnectionsThreadEnds()
    {
        Thread? served = null;
        var handler = new DelegateHandler((_, response, _) =>
        {
            served = Thread.CurrentThread;
            response.Body.Write("x"u8);
            return default;
        });
        await using Running server = Start(handler);
        RawClient client = await server.ConnectAsync();
        await client.SendAsync(Get("/"));
        Assert.Equal(200, (await client.ReadResponseAsync()).StatusCode);
        Assert.NotNull(served);
        Assert.True(served.IsAlive); // kept alive: waiting for the next request

        await client.DisposeAsync();

        Assert.True(served.Join(Wait), "the connection's thread still runs after the client closed");
    }

    [Fact]
    public async Task Threads_StopWithIdleKeptAliveConnection_UnblocksItsReceiveAndTheThreadEnds()
    {
        Thread? served = null;
        var handler = new DelegateHandler((_, response, _) =>
        {
            served = Thread.CurrentThread;
            return default;
        });
        await using Running server = Start(handler);
        await using RawClient client = await server.ConnectAsync();
        await client.SendAsync(Get("/"));
        Assert.Equal(200, (await client.ReadResponseAsync()).StatusCode);
        Assert.True(served!.IsAlive);

        // The thread now sits in a blocking receive waiting for the next request; an infinite drain timeout means
        // only the stop's wake-up can end it.
        await server.Server.StopAsync(Timeout.InfiniteTimeSpan).WaitAsync(Wait);

        Assert.True(await client.ClosedByServerAsync());
        Assert.True(served.Join(Wait), "the idle connection's thread still runs after the stop");
    }

    [Fact]
    public async Task Threads_HeadLargerThanTheFirstBuffer_ArrivingInPieces_IsParsedAndTheConnectionGoesOn()
    {
        await using Running server = Start();
        await using RawClient client = await server.ConnectAsync();
        string big = "X-Big: " + new string('b', 24 * 1024) + "\r\n";
        string request = Get("/big", big);

        // Several sends, so the head grows across receives and the reader's buffer has to grow with it.
        for (int at = 0; at < request.Length; at += 5000)
        {
            await client.SendAsync(request.Substring(at, Math.Min(5000, request.Length - at)));
        }
        RawResponse first = await client.ReadResponseAsync();
        await client.SendAsync(Post("/next", "small"));
        RawResponse next = await client.ReadResponseAsync();

        Assert.Equal(200, first.StatusCode);
        Assert.Equal("GET /big\n", first.BodyText);
        Assert.Equal("POST /next\nsmall", next.BodyText);
    }
}
