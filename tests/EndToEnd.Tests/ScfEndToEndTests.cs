using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>The published native bootstrap against the Tencent SCF runtime API emulator.</summary>
[Collection(BootstrapCollection.Name)]
public sealed class ScfEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PublishedBootstrap _bootstrap;

    public ScfEndToEndTests(PublishedBootstrap bootstrap) => _bootstrap = bootstrap;

    private BootstrapProcess Start(ScfRuntimeApiEmulator scf) => BootstrapProcess.Start(_bootstrap.Path, scf.Environment);

    [Fact]
    public async Task Echo_InitReadyComesBeforeTheFirstPoll()
    {
        await using var scf = await ScfRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = scf.Enqueue("""{"n":2}""");
        await using BootstrapProcess bootstrap = Start(scf);

        RecordedRequest ready = await scf.InitReady.WaitAsync(Wait);
        RecordedRequest poll = await scf.FirstPoll.WaitAsync(Wait);
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.False(scf.PolledBeforeReady);
        Assert.True(ready.Timestamp < poll.Timestamp);
        Assert.Equal("""{"n":2}""", outcome.BodyText);
        Assert.False(outcome.IsError);
    }

    [Fact]
    public async Task Echo_HandlerThrows_ErrorPostedAndServingGoesOn()
    {
        await using var scf = await ScfRuntimeApiEmulator.StartAsync();
        PendingInvocation failing = scf.Enqueue("""{"throw":"nope"}""");
        PendingInvocation after = scf.Enqueue("""{"fine":true}""");
        await using BootstrapProcess bootstrap = Start(scf);

        InvocationOutcome error = await failing.Completion.WaitAsync(Wait);
        InvocationOutcome next = await after.Completion.WaitAsync(Wait);

        Assert.True(error.IsError);
        using JsonDocument json = JsonDocument.Parse(error.Body);
        Assert.Equal("Samples.Echo.EchoException", json.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("nope", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("""{"fine":true}""", next.BodyText);
    }

    [Fact]
    public async Task FunctionStart_Fails_NoReadyAndNonZeroExit()
    {
        await using var scf = await ScfRuntimeApiEmulator.StartAsync(new ScfEmulatorOptions { Handler = "failstart" });
        await using BootstrapProcess bootstrap = Start(scf);

        int exit = await bootstrap.WaitForExitAsync();

        Assert.Equal(1, exit);
        Assert.False(scf.InitReady.IsCompleted);
        Assert.Contains("the database is unreachable", bootstrap.Output);
    }

    [Fact]
    public async Task HttpFunction_ApiGatewayEvent_AnswersInTheIntegrationResponseShape()
    {
        await using var scf = await ScfRuntimeApiEmulator.StartAsync(new ScfEmulatorOptions { Handler = "hello" });
        PendingInvocation pending = scf.Enqueue(Fixtures.Read("tencent/apigw-get-captured.json"));
        await using BootstrapProcess bootstrap = Start(scf);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        using JsonDocument json = JsonDocument.Parse(outcome.Body);
        Assert.Equal(200, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("Hello, world!", json.RootElement.GetProperty("body").GetString());
        Assert.False(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task SequentialInvocations_EachAnsweredOnce()
    {
        await using var scf = await ScfRuntimeApiEmulator.StartAsync();
        PendingInvocation[] pending = Enumerable.Range(0, 20).Select(i => scf.Enqueue($$"""{"i":{{i}}}""")).ToArray();
        await using BootstrapProcess bootstrap = Start(scf);

        InvocationOutcome[] outcomes = await Task.WhenAll(pending.Select(p => p.Completion)).WaitAsync(Wait);

        for (int i = 0; i < outcomes.Length; i++)
        {
            Assert.Equal($$"""{"i":{{i}}}""", outcomes[i].BodyText);
        }
        Assert.Equal(20, scf.Requests.Count(r => r.Path == "/runtime/invocation/response"));
    }
}
