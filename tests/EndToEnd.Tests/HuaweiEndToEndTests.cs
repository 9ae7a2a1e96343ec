using System;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>The published native bootstrap against the Huawei FunctionGraph runtime API emulator (event functions).</summary>
[Collection(BootstrapCollection.Name)]
public sealed class HuaweiEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PublishedBootstrap _bootstrap;

    public HuaweiEndToEndTests(PublishedBootstrap bootstrap) => _bootstrap = bootstrap;

    [Fact]
    public async Task Echo_ResponseAndErrorArePostedWithTheRequestIdInThePath()
    {
        await using var huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        PendingInvocation ok = huawei.Enqueue("""{"a":1}""");
        PendingInvocation failing = huawei.Enqueue("""{"throw":"nope"}""");
        await using BootstrapProcess process = BootstrapProcess.Start(_bootstrap.Path, ServerEnvironment.For(huawei.Environment, "echo"));

        InvocationOutcome first = await ok.Completion.WaitAsync(Wait);
        InvocationOutcome second = await failing.Completion.WaitAsync(Wait);

        Assert.Equal("""{"a":1}""", first.BodyText);
        Assert.EndsWith("/v1/runtime/invocation/response/" + ok.RequestId, first.Request.Path);
        Assert.True(second.IsError);
        using JsonDocument json = JsonDocument.Parse(second.Body);
        Assert.Equal("Samples.Echo.EchoException", json.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task ApigEvent_Hello_AnswersInTheApigShape()
    {
        await using var huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = huawei.Enqueue(Fixtures.Read("huawei/apig-get.json"));
        await using BootstrapProcess process = BootstrapProcess.Start(_bootstrap.Path, ServerEnvironment.For(huawei.Environment, "hello"));

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        using JsonDocument json = JsonDocument.Parse(outcome.Body);
        Assert.Equal(200, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("Hello, world!", json.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task NonOkPoll_IsRetriedNotFatal()
    {
        await using var huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        huawei.FailNextPoll(PollFault.InternalServerError);
        PendingInvocation pending = huawei.Enqueue("{}");
        await using BootstrapProcess process = BootstrapProcess.Start(_bootstrap.Path, ServerEnvironment.For(huawei.Environment, "echo"));

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.Equal("{}", outcome.BodyText);
        await process.WaitForLineAsync("polling again");
    }
}
