using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>The published native bootstrap as an Azure Functions custom handler, called as the Functions host does.</summary>
[Collection(BootstrapCollection.Name)]
public sealed class AzureEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PublishedBootstrap _bootstrap;

    public AzureEndToEndTests(PublishedBootstrap bootstrap) => _bootstrap = bootstrap;

    private async Task<(AzureFunctionsHostEmulator Host, BootstrapProcess Process)> StartAsync(string handler)
    {
        var host = new AzureFunctionsHostEmulator();
        BootstrapProcess process = BootstrapProcess.Start(_bootstrap.Path, ServerEnvironment.For(host.Environment, handler));
        await host.WaitForReadyAsync(Wait);
        return (host, process);
    }

    [Fact]
    public async Task HttpTrigger_PayloadMode_ResponseUnderOutputsRes()
    {
        var (host, process) = await StartAsync("hello");
        await using (host)
        await using (process)
        {
            AzureInvocationResult result = await host.InvokeHttpAsync("hello", "GET", "http://localhost:7071/api/hello?name=zoe",
                new[] { KeyValuePair.Create("name", "zoe") });

            Assert.True(result.Succeeded, result.Failure);
            JsonElement res = result.Output("res")!.Value;
            Assert.Equal(200, res.GetProperty("statusCode").GetInt32());
            Assert.Equal("Hello, zoe!", res.GetProperty("body").GetString());
            Assert.Equal("seen=1; Path=/", res.GetProperty("headers").GetProperty("Set-Cookie").GetString());
        }
    }

    [Fact]
    public async Task QueueTrigger_Echo_ItemComesBackAsTheReturnValue()
    {
        var (host, process) = await StartAsync("echo");
        await using (host)
        await using (process)
        {
            AzureInvocationResult result = await host.InvokeQueueAsync("echo", """{"job":42}""");

            Assert.True(result.Succeeded, result.Failure);
            Assert.Equal(42, result.ReturnValue!.Value.GetProperty("job").GetInt32());
        }
    }

    [Fact]
    public async Task QueueTrigger_HandlerThrows_FailsTheInvocationWithTheErrorReport()
    {
        var (host, process) = await StartAsync("echo");
        await using (host)
        await using (process)
        {
            AzureInvocationResult result = await host.InvokeQueueAsync("echo", """{"throw":"poison message"}""");
            AzureInvocationResult next = await host.InvokeQueueAsync("echo", "\"plain\"");

            Assert.False(result.Succeeded);
            Assert.Equal(500, result.Response.StatusCode);
            Assert.Contains("poison message", result.Response.BodyText);
            Assert.True(next.Succeeded, next.Failure);
        }
    }

    [Fact]
    public async Task ForwardedHttp_Hello_AnswersAsRawHttp()
    {
        var (host, process) = await StartAsync("hello");
        await using (host)
        await using (process)
        {
            ReceivedResponse response = await host.ForwardHttpAsync("GET", "/api/hello?name=kim");

            Assert.Equal(200, response.StatusCode);
            Assert.Equal("Hello, kim!", response.BodyText);
        }
    }
}
