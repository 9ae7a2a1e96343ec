using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>Many connections at once.</summary>
public sealed partial class HttpServerTests
{
    [Fact]
    public async Task Load_ThousandConcurrentKeepAliveClients_EveryRequestAnsweredExactlyOnce()
    {
        const int Clients = 1000;
        const int RequestsEach = 2;
        var seen = new ConcurrentDictionary<string, int>();
        var handler = new DelegateHandler(async (request, response, _) =>
        {
            seen.AddOrUpdate(request.Path, 1, static (_, n) => n + 1);
            await Task.Yield(); // make the handlers genuinely interleave
            response.Body.Write(Encoding.ASCII.GetBytes(request.Path + "|" + Encoding.ASCII.GetString(request.Body.Span)));
        });
        await using Running server = Start(handler);
        var answered = new ConcurrentDictionary<string, int>();
        using var start = new SemaphoreSlim(0);

        async Task RunClientAsync(int client)
        {
            await using RawClient connection = await server.ConnectAsync();
            await start.WaitAsync(Wait);
            for (int i = 0; i < RequestsEach; i++)
            {
                string path = "/c" + client + "/r" + i;
                bool last = i == RequestsEach - 1;
                await connection.SendAsync(Post(path, "body-" + client, last ? "Connection: close\r\n" : string.Empty));
                RawResponse response = await connection.ReadResponseAsync();
                Assert.Equal(200, response.StatusCode);
                Assert.Equal(path + "|body-" + client, response.BodyText);
                answered.AddOrUpdate(path, 1, static (_, n) => n + 1);
            }
            // The server counts a response once sent, then closes: after the close, RequestsServed includes it.
            Assert.True(await connection.ClosedByServerAsync());
        }

        Task[] clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => RunClientAsync(c))).ToArray();
        start.Release(Clients);
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Clients * RequestsEach, handler.Calls);
        Assert.Equal(Clients * RequestsEach, seen.Count);
        Assert.All(seen.Values, n => Assert.Equal(1, n));
        Assert.Equal(Clients * RequestsEach, answered.Count);
        Assert.All(answered.Values, n => Assert.Equal(1, n));
        Assert.Equal(Clients * RequestsEach, server.Server.RequestsServed);
    }
}
