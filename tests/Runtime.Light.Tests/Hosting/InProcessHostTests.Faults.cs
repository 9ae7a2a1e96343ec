using System;
using System.Buffers;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Runtime.Engine;
using Xunit;

namespace Runtime.Light.Tests.Hosting;

/// <summary>An event cut off mid-body (issue 6, fault matrix row event-truncated), in-process.</summary>
public sealed partial class InProcessHostTests
{
    private static FunctionAppBuilder Echo()
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("echo", ctx =>
        {
            ctx.Output.Write(ctx.Event.Span);
            return default;
        });
        return builder;
    }

    [Fact]
    public async Task Aws_EventCutOffMidBody_AnsweredWithInvalidEventAndServingGoesOn()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation cut = aws.Enqueue("""{"n":1,"pad":"0123456789"}""", new InvocationOptions { TruncateEvent = true });
        PendingInvocation next = aws.Enqueue("""{"n":2}""");
        await using var host = new InProcessHost(Echo(), aws.Environment);

        InvocationOutcome error = await cut.Completion.WaitAsync(Wait);
        InvocationOutcome ok = await next.Completion.WaitAsync(Wait);

        Assert.True(error.IsError);
        using JsonDocument json = JsonDocument.Parse(error.Body);
        Assert.Equal("Runtime.InvalidEvent", json.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("could not be read whole", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("""{"n":2}""", ok.BodyText);
    }

    [Fact]
    public async Task Huawei_EventCutOffMidBody_AnsweredWithInvalidEventAndServingGoesOn()
    {
        await using var huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        PendingInvocation cut = huawei.Enqueue("""{"n":1,"pad":"0123456789"}""", new InvocationOptions { TruncateEvent = true });
        PendingInvocation next = huawei.Enqueue("""{"n":2}""");
        await using var host = new InProcessHost(Echo(), huawei.Environment);

        InvocationOutcome error = await cut.Completion.WaitAsync(Wait);
        InvocationOutcome ok = await next.Completion.WaitAsync(Wait);

        Assert.True(error.IsError);
        Assert.Contains("Runtime.InvalidEvent", error.BodyText);
        Assert.Equal("""{"n":2}""", ok.BodyText);
    }

    [Fact]
    public async Task Scf_EventCutOffMidBody_PollsAgainAndGetsItWhole()
    {
        await using var scf = await ScfRuntimeApiEmulator.StartAsync();
        PendingInvocation cut = scf.Enqueue("""{"n":1,"pad":"0123456789"}""", new InvocationOptions { TruncateEvent = true });
        await using var host = new InProcessHost(Echo(), scf.Environment);

        InvocationOutcome outcome = await cut.Completion.WaitAsync(Wait);

        Assert.False(outcome.IsError);
        Assert.Equal("""{"n":1,"pad":"0123456789"}""", outcome.BodyText);
        Assert.Equal(2, cut.DeliveryCount);
    }
}
