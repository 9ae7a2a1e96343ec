using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>The published native bootstrap on Cloud Run / Knative: plain HTTP and CloudEvents to $PORT.</summary>
[Collection(BootstrapCollection.Name)]
public sealed class CloudRunEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PublishedBootstrap _bootstrap;

    public CloudRunEndToEndTests(PublishedBootstrap bootstrap) => _bootstrap = bootstrap;

    private async Task<(CloudRunEmulator Run, BootstrapProcess Process)> StartAsync(string handler, int maxConnections = 64)
    {
        var run = new CloudRunEmulator(new CloudRunEmulatorOptions { Caller = new CallerOptions { MaxConnections = maxConnections } });
        BootstrapProcess process = BootstrapProcess.Start(_bootstrap.Path, ServerEnvironment.For(run.Environment, handler));
        await run.WaitForReadyAsync(Wait);
        return (run, process);
    }

    [Fact]
    public async Task Http_Hello_ExactAnswer()
    {
        var (run, process) = await StartAsync("hello");
        await using (run)
        await using (process)
        {
            ReceivedResponse response = await run.SendAsync("GET", "/hi?name=li");

            Assert.Equal(200, response.StatusCode);
            Assert.Equal("Hello, li!", response.BodyText);
            Assert.Equal("text/plain", response.Header("Content-Type"));
            Assert.Equal("10", response.Header("Content-Length"));
            Assert.True(response.KeepAlive);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CloudEvent_Echo_DataComesBack(bool structured)
    {
        var (run, process) = await StartAsync("echo");
        await using (run)
        await using (process)
        {
            var cloudEvent = new CloudEvent
            {
                Id = "evt-1", Source = "//pubsub.googleapis.com/projects/p/topics/t", Type = "google.cloud.pubsub.topic.v1.messagePublished",
                DataContentType = "application/json", Data = Encoding.UTF8.GetBytes("""{"message":{"data":"aGk="}}"""),
            };

            ReceivedResponse response = structured
                ? await run.SendCloudEventStructuredAsync(cloudEvent)
                : await run.SendCloudEventBinaryAsync(cloudEvent);

            Assert.Equal(200, response.StatusCode);
            Assert.Equal("""{"message":{"data":"aGk="}}""", response.BodyText);
        }
    }

    [Fact]
    public async Task CloudEvent_MissingRequiredAttribute_Is400AndServingGoesOn()
    {
        var (run, process) = await StartAsync("echo");
        await using (run)
        await using (process)
        {
            ReceivedResponse bad = await run.SendAsync("POST", "/", new[] { KeyValuePair.Create("ce-specversion", "1.0"), KeyValuePair.Create("ce-type", "t") },
                Encoding.UTF8.GetBytes("{}"));
            ReceivedResponse good = await run.SendAsync("POST", "/", null, Encoding.UTF8.GetBytes("plain"));

            Assert.Equal(400, bad.StatusCode);
            Assert.Contains("ce-id", bad.BodyText);
            Assert.Equal("plain", good.BodyText);
        }
    }

    [Fact]
    public async Task Http_1000ConcurrentKeepAliveRequests_EachAnsweredExactlyOnce()
    {
        var (run, process) = await StartAsync("count", maxConnections: 100);
        await using (run)
        await using (process)
        {
            ReceivedResponse[] responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => run.SendAsync("POST", "/count")))
                .WaitAsync(TimeSpan.FromSeconds(60));

            Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
            long[] answers = responses.Select(r => long.Parse(r.BodyText, System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
            // The readiness probe was the first invocation, so the answers are 1,000 consecutive counts after it.
            Assert.Equal(Enumerable.Range(0, 1000).Select(i => answers[0] + i), answers);
            Assert.True(run.ConnectionsOpened <= 100, $"{run.ConnectionsOpened} connections for 1,000 keep-alive requests");
        }
    }

    [Fact]
    public async Task HandlerThrows_Http500WithoutDetails()
    {
        var (run, process) = await StartAsync("echo");
        await using (run)
        await using (process)
        {
            ReceivedResponse response = await run.SendAsync("POST", "/", null, Encoding.UTF8.GetBytes("""{"throw":"secret detail"}"""));

            Assert.Equal(500, response.StatusCode);
            Assert.DoesNotContain("secret detail", response.BodyText);
            await process.WaitForLineAsync("secret detail"); // it is logged instead
        }
    }
}
