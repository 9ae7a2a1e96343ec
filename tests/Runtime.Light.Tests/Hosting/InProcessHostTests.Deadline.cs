using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Runtime.Emulator;
using Runtime.Engine;
using Runtime.Light.Adapters.Azure;
using Runtime.Light.Adapters.Server;
using Runtime.Light.Hosting;
using Xunit;

namespace Runtime.Light.Tests.Hosting;

/// <summary>
/// Server-model platforms send no deadline with most requests: FAAS_TIMEOUT (or the platform's configured timeout)
/// gives one, and a handler that ignores it is answered without (issue 6, fault matrix handler-hangs).
/// </summary>
public sealed partial class InProcessHostTests
{
    /// <summary>"/hang" waits for <paramref name="release"/> whatever its token says, then answers 201; anything else answers "ok".</summary>
    private static FunctionAppBuilder Hanging(TaskCompletionSource release)
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddHttp("web", async (ctx, req, res) =>
        {
            if (req.Path == "/hang")
            {
                await release.Task;
                res.StatusCode = 201;
                res.Headers.Add("X-Late", "yes");
                res.Write("late");
                return;
            }
            res.ContentType = "text/plain";
            res.Write("ok");
        });
        return builder;
    }

    [Fact]
    public async Task CloudRun_HandlerHangsPastFaasTimeout_Answered500OnceLateAnswerDroppedNextServed()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cloudRun = new CloudRunEmulator();
        await using var host = new InProcessHost(Hanging(release), cloudRun.Environment, ("FAAS_TIMEOUT", "1"), ("FAAS_DEADLINE_GRACE_MS", "100"));
        await cloudRun.WaitForReadyAsync(Wait);

        long started = Stopwatch.GetTimestamp();
        ReceivedResponse hung = await cloudRun.SendAsync("GET", "/hang").WaitAsync(Wait);
        TimeSpan took = Stopwatch.GetElapsedTime(started);

        Assert.Equal(500, hung.StatusCode);
        Assert.Equal("Internal Server Error", hung.BodyText);
        Assert.True(took >= TimeSpan.FromSeconds(1), $"answered after {took}, before the deadline");
        Assert.Contains(host.Output.Lines, l => l.Contains("leaving the handler running", StringComparison.Ordinal));

        ReceivedResponse meanwhile = await cloudRun.SendAsync("GET", "/ok").WaitAsync(Wait);
        Assert.Equal(200, meanwhile.StatusCode);
        Assert.Equal("ok", meanwhile.BodyText);

        // The hung handler finishes now: its answer goes nowhere, and later answers carry nothing of it.
        release.SetResult();
        await WaitForLineAsync(host, "its result is dropped");
        ReceivedResponse after = await cloudRun.SendAsync("GET", "/ok").WaitAsync(Wait);
        Assert.Equal(200, after.StatusCode);
        Assert.Equal("ok", after.BodyText);
        Assert.DoesNotContain(after.Headers, h => h.Key.Equals("X-Late", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, cloudRun.Responses.Count(r => r.Request.Target is "/hang" or "/ok"));
    }

    [Fact]
    public async Task CloudRun_AbandonedHandlerAnswersLate_TheNextRequestsAnswerHasNoneOfIt()
    {
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lateWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new FunctionAppBuilder();
        // Outside the handler, so it runs once the late answer has been encoded into the request's response.
        builder.Middleware.Use("late", next => async ctx =>
        {
            await next(ctx);
            if (ctx.Request.Path == "/hang")
            {
                lateWritten.SetResult();
            }
        });
        builder.Functions.AddHttp("web", async (ctx, req, res) =>
        {
            if (req.Path == "/hang")
            {
                await secondStarted.Task; // past its deadline, ignoring its token, into the next request
                res.StatusCode = 201;
                res.Headers.Add("X-Late", "yes");
                res.Write("late");
                return;
            }
            if (req.Path == "/second")
            {
                secondStarted.SetResult();
                await lateWritten.Task;
            }
            res.ContentType = "text/plain";
            res.Write(req.Path.TrimStart('/'));
        });
        await using var cloudRun = new CloudRunEmulator();
        await using var host = new InProcessHost(builder, cloudRun.Environment, ("FAAS_TIMEOUT", "1"));
        await cloudRun.WaitForReadyAsync(Wait);

        ReceivedResponse hung = await cloudRun.SendAsync("GET", "/hang").WaitAsync(Wait);
        ReceivedResponse second = await cloudRun.SendAsync("GET", "/second").WaitAsync(Wait);

        Assert.Equal(500, hung.StatusCode);
        Assert.Equal(200, second.StatusCode);
        Assert.Equal("second", second.BodyText);
        Assert.DoesNotContain(second.Headers, h => h.Key.Equals("X-Late", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task HuaweiHttp_HandlerHangsPastThePlatformsTimeout_Answered500WithoutFaasTimeout()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var huawei = new HuaweiHttpEmulator(new HuaweiHttpEmulatorOptions { PortVariable = "FAAS_PORT", Timeout = TimeSpan.FromSeconds(1) });
        await using var host = new InProcessHost(Hanging(release), huawei.Environment);
        await huawei.WaitForReadyAsync(Wait);

        ReceivedResponse hung = await huawei.SendAsync("GET", "/hang").WaitAsync(Wait);

        Assert.Equal(500, hung.StatusCode);
        release.SetResult();
        await WaitForLineAsync(host, "its result is dropped");
    }

    [Fact]
    public async Task Aws_AbandonedHandlerWritesLate_TheNextInvocationsOutputHasNoneOfIt()
    {
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lateWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", async ctx =>
        {
            if (ctx.Event.Span.SequenceEqual("hang"u8))
            {
                // Past its deadline (ignoring its token) and into the next invocation, which the loop serves only
                // once this one was answered without it.
                await secondStarted.Task;
                ctx.Output.Write("LATE"u8);
                lateWritten.SetResult();
                return;
            }
            // The next invocation is under way while the abandoned one writes: the poll loop must have new buffers.
            secondStarted.SetResult();
            await lateWritten.Task;
            ctx.Output.Write(ctx.Event.Span);
        });
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Timeout = TimeSpan.FromSeconds(2) });
        PendingInvocation hung = aws.Enqueue("hang");
        PendingInvocation next = aws.Enqueue("second");
        await using var host = new InProcessHost(builder, aws.Environment);

        InvocationOutcome timedOut = await hung.Completion.WaitAsync(Wait);
        Assert.True(timedOut.IsError);
        Assert.Contains("Function.Timeout", timedOut.BodyText);
        InvocationOutcome served = await next.Completion.WaitAsync(Wait);

        Assert.Equal("second", served.BodyText);
        await WaitForLineAsync(host, "its result is dropped");
    }

    [Fact]
    public void ServerDeadline_FaasTimeoutWinsThenTheRequestsThenThePlatformsConfigured()
    {
        DateTimeOffset requested = DateTimeOffset.UtcNow.AddSeconds(30);
        var withSetting = new ServerInvoker(null!, null!, "test", (_, _) => Task.CompletedTask, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
        var platformOnly = new ServerInvoker(null!, null!, "test", (_, _) => Task.CompletedTask, null, TimeSpan.FromSeconds(60));
        var neither = new ServerInvoker(null!, null!, "test", (_, _) => Task.CompletedTask);

        AssertAbout(DateTimeOffset.UtcNow.AddSeconds(5), withSetting.Deadline(requested));
        AssertAbout(DateTimeOffset.UtcNow.AddSeconds(5), withSetting.Deadline(DateTimeOffset.MaxValue));
        Assert.Equal(requested, platformOnly.Deadline(requested));
        AssertAbout(DateTimeOffset.UtcNow.AddSeconds(60), platformOnly.Deadline(DateTimeOffset.MaxValue));
        Assert.Equal(requested, neither.Deadline(requested));
        Assert.Equal(DateTimeOffset.MaxValue, neither.Deadline(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void AzureFunctionTimeout_ReadsTheAppSettingThenHostJson()
    {
        string root = Path.Combine(Path.GetTempPath(), "faas-azure-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var env = new Dictionary<string, string> { ["FUNCTIONS_APP_ROOT_PATH"] = root };
            Assert.Null(AzureFunctionTimeout.Read(new DictionaryEnvironment(env)));

            File.WriteAllText(Path.Combine(root, "host.json"), """{"version":"2.0","functionTimeout":"00:02:30"}""");
            Assert.Equal(TimeSpan.FromSeconds(150), AzureFunctionTimeout.Read(new DictionaryEnvironment(env)));

            env["AzureFunctionsJobHost__functionTimeout"] = "00:00:20";
            Assert.Equal(TimeSpan.FromSeconds(20), AzureFunctionTimeout.Read(new DictionaryEnvironment(env)));

            // -1 is the host's "unbounded"; garbage is no timeout rather than a failed start.
            env["AzureFunctionsJobHost__functionTimeout"] = "-1";
            Assert.Null(AzureFunctionTimeout.Read(new DictionaryEnvironment(env)));
            env.Remove("AzureFunctionsJobHost__functionTimeout");
            File.WriteAllText(Path.Combine(root, "host.json"), """{"version":"2.0","functionTimeout":"soon"}""");
            Assert.Null(AzureFunctionTimeout.Read(new DictionaryEnvironment(env)));
            File.WriteAllText(Path.Combine(root, "host.json"), "{not json");
            Assert.Null(AzureFunctionTimeout.Read(new DictionaryEnvironment(env)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void AssertAbout(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True((actual - expected).Duration() < TimeSpan.FromSeconds(2), $"expected about {expected:O}, got {actual:O}");

    private static async Task WaitForLineAsync(InProcessHost host, string text)
    {
        long started = Stopwatch.GetTimestamp();
        while (!host.Output.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < Wait, $"no line with \"{text}\" in:\n{host.Output.Text}");
            await Task.Delay(20);
        }
    }
}
