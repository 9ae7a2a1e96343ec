using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;
using Runtime.Engine;
using Runtime.Light.Adapters.Aws;
using Runtime.Light.Adapters.Tencent;
using Runtime.Light.Hosting;
using Xunit;

namespace Runtime.Light.Tests.Hosting;

/// <summary>
/// The bootstrap host run in-process (<see cref="FaaSHost.RunAsync(FunctionAppBuilder, IEnvironment, System.IO.Stream, CancellationToken)"/>)
/// against the emulators: what the function sees of each platform's per-invocation context.
/// </summary>
public sealed partial class InProcessHostTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Aws_Invocation_ContextCarriesDeadlineTraceArnAndInvocationId()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { FunctionName = "orders", MemorySizeMb = 256 });
        var seen = new TaskCompletionSource<(FaaSContext Context, string? TraceEnv, LambdaInvocationContext? Lambda, DateTimeOffset Deadline)>();
        var builder = new FunctionAppBuilder();
        IEnvironment? environment = null;
        builder.Functions.AddRaw("echo", ctx =>
        {
            seen.TrySetResult((ctx, environment!.Get("_X_AMZN_TRACE_ID"), ctx.GetPlatformContext<LambdaInvocationContext>(), ctx.Deadline));
            return default;
        });
        PendingInvocation pending = aws.Enqueue("{}", new InvocationOptions { ClientContext = "{\"client\":1}", CognitoIdentity = "{\"id\":2}", TenantId = "t-1" });
        await using var host = new InProcessHost(builder, aws.Environment);
        environment = host.Environment;

        var (context, traceEnv, lambda, deadline) = await seen.Task.WaitAsync(Wait);
        await pending.Completion.WaitAsync(Wait);

        Assert.Equal(pending.RequestId, context.RequestId);
        Assert.Equal(pending.TraceId, context.TraceId);
        Assert.Equal(pending.TraceId, traceEnv);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(pending.DeadlineMs), deadline);
        Assert.Equal(aws.FunctionArn, lambda!.InvokedFunctionArn);
        Assert.Equal(pending.InvocationId, lambda.InvocationId);
        Assert.Equal("{\"client\":1}", lambda.ClientContext);
        Assert.Equal("{\"id\":2}", lambda.CognitoIdentity);
        Assert.Equal("t-1", lambda.TenantId);
        Assert.Equal("orders", context.Function.Name);
        Assert.Equal(256, context.Function.MemoryLimitMb);
        Assert.Equal("aws-lambda", context.Function.Platform);
        Assert.Equal("echo", context.HandlerName);
    }

    [Fact]
    public async Task Aws_NoTraceHeader_ClearsTheTraceVariable()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        var traces = new List<string?>();
        var builder = new FunctionAppBuilder();
        IEnvironment? environment = null;
        builder.Functions.AddRaw("echo", ctx =>
        {
            lock (traces)
            {
                traces.Add(environment!.Get("_X_AMZN_TRACE_ID"));
            }
            return default;
        });
        PendingInvocation first = aws.Enqueue("{}");
        PendingInvocation second = aws.Enqueue("{}", new InvocationOptions { TraceId = "" });
        await using var host = new InProcessHost(builder, aws.Environment);
        environment = host.Environment;

        await second.Completion.WaitAsync(Wait);

        Assert.Equal(new[] { first.TraceId, null }, traces);
    }

    [Fact]
    public async Task Scf_Invocation_ContextCarriesMemoryAndADeadlineFromTheTimeLimit()
    {
        await using var scf = await ScfRuntimeApiEmulator.StartAsync(new ScfEmulatorOptions { MemorySizeMb = 512, Timeout = TimeSpan.FromSeconds(3) });
        var seen = new TaskCompletionSource<(ScfInvocationContext? Scf, TimeSpan Remaining, string Platform)>();
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("echo", ctx =>
        {
            seen.TrySetResult((ctx.GetPlatformContext<ScfInvocationContext>(), ctx.RemainingTime, ctx.Function.Platform));
            return default;
        });
        PendingInvocation pending = scf.Enqueue("{}");
        await using var host = new InProcessHost(builder, scf.Environment);

        var (context, remaining, platform) = await seen.Task.WaitAsync(Wait);
        await pending.Completion.WaitAsync(Wait);

        Assert.Equal(512, context!.MemoryLimitMb);
        Assert.Equal(3000, context.TimeLimitMs);
        Assert.InRange(remaining, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        Assert.Equal("tencent-scf", platform);
    }

    [Fact]
    public async Task Stop_RunsCloseAndReturnsZero()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        var closed = new TaskCompletionSource<string>();
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("echo", _ => default);
        builder.Hooks.AfterClose("probe", (ctx, _) => { closed.TrySetResult(ctx.Reason); return default; });
        await using var host = new InProcessHost(builder, aws.Environment);
        await aws.FirstPoll.WaitAsync(Wait);

        int exit = await host.StopAsync();

        Assert.Equal(0, exit);
        Assert.Equal("stop requested", await closed.Task.WaitAsync(Wait));
    }

    [Fact]
    public async Task ExplicitPlatform_WinsOverDetection()
    {
        await using var scf = await ScfRuntimeApiEmulator.StartAsync();
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("echo", _ => default);
        await using var host = new InProcessHost(builder, scf.Environment, ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:1"), ("FAAS_PLATFORM", "scf"));

        await scf.InitReady.WaitAsync(Wait);
    }

    [Theory]
    [InlineData(null, "No platform detected")]
    [InlineData("heroku", "FAAS_PLATFORM='heroku' is not a supported platform")]
    public async Task NoUsablePlatform_ExitsTwoWithOneClearLine(string? platform, string expected)
    {
        var values = new Dictionary<string, string>();
        if (platform is not null)
        {
            values["FAAS_PLATFORM"] = platform;
        }
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("echo", _ => default);
        var output = new LineStream();

        int exit = await builder.RunAsync(new DictionaryEnvironment(values), output, CancellationToken.None);

        Assert.Equal(ExitCodes.NoPlatform, exit);
        string line = Assert.Single(output.Lines);
        Assert.Contains(expected, line);
        Assert.Contains("\"level\":\"FATAL\"", line);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("http://127.0.0.1:9001")]
    [InlineData("127.0.0.1:99999")]
    public async Task Aws_RuntimeApiAddressUnusable_ExitsTwo(string address)
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("echo", _ => default);
        var output = new LineStream();

        int exit = await builder.RunAsync(new DictionaryEnvironment(new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = address }),
            output, CancellationToken.None);

        Assert.Equal(ExitCodes.NoPlatform, exit);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API", output.Text);
    }

    [Fact]
    public async Task Aws_ConfigurationErrors_AreReportedTogetherInOneInitError()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("echo", _ => default);
        await using var host = new InProcessHost(builder, aws.Environment, ("AWS_LAMBDA_MAX_CONCURRENCY", "0"), ("FAAS_CLOSE_TIMEOUT_MS", "soon"));

        InitErrorReport report = await aws.InitError.WaitAsync(Wait);

        Assert.Equal(1, await host.Running.WaitAsync(Wait));
        Assert.Contains("AWS_LAMBDA_MAX_CONCURRENCY='0' is not an integer from 1 to 1024", report.BodyText);
        Assert.Contains("FAAS_CLOSE_TIMEOUT_MS='soon'", report.BodyText);
    }

    [Fact]
    public async Task DiagnosticsGc_EveryTwoInvocations_LogsCollectionCountsAfterTheSecondAndFourth()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("echo", _ => default);
        PendingInvocation[] pending = { aws.Enqueue("{}"), aws.Enqueue("{}"), aws.Enqueue("{}"), aws.Enqueue("{}"), aws.Enqueue("{}") };
        await using var host = new InProcessHost(builder, aws.Environment, ("FAAS_DIAGNOSTICS_GC", "2"));

        await pending[^1].Completion.WaitAsync(Wait);

        string[] lines = host.Output.Lines.Where(l => l.Contains("GC after", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, lines.Length);
        using JsonDocument second = JsonDocument.Parse(lines[0]);
        using JsonDocument fourth = JsonDocument.Parse(lines[1]);
        Assert.Equal(2, second.RootElement.GetProperty("Invocations").GetInt64());
        Assert.Equal(4, fourth.RootElement.GetProperty("Invocations").GetInt64());
        foreach (string name in new[] { "Gen0", "Gen1", "Gen2", "HeapBytes", "AllocatedBytes" })
        {
            Assert.True(fourth.RootElement.GetProperty(name).GetInt64() >= 0, name);
        }
    }

    [Fact]
    public async Task DiagnosticsGc_Unset_LogsNoGcLine()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("echo", _ => default);
        PendingInvocation first = aws.Enqueue("{}");
        PendingInvocation second = aws.Enqueue("{}");
        await using var host = new InProcessHost(builder, aws.Environment);

        await second.Completion.WaitAsync(Wait);

        Assert.DoesNotContain(host.Output.Lines, l => l.Contains("GC after", StringComparison.Ordinal));
        Assert.True(first.Completion.IsCompleted);
    }
}
