using System;
using System.Collections.Generic;
using System.Buffers;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;
using Runtime.Engine.Lifecycle;
using Serilog.Events;
using Xunit;

namespace Runtime.Engine.Tests;

/// <summary>Handlers that do not finish by their deadline and ignore their token: answered without them, once.</summary>
public sealed partial class FunctionRuntimeTests
{
    // The machine is shared: deadlines and graces are short, every wait for an outcome is long.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Invoke_HandlerHangsPastDeadlineAndGrace_AnswersFunctionTimeoutOnceWithoutIt()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", async ctx =>
        {
            await release.Task; // ignores ctx.CancellationToken
            ctx.Output.Write("late"u8);
        });
        var journal = new List<string>();
        var hook = new RecordingHook("after", journal, phases: HookPhases.AfterInvoke);
        builder.Hooks.Add(hook);
        (FunctionRuntime runtime, List<LogEvent> events) = await StartAsync(builder, TimeSpan.FromMilliseconds(100));
        await using (runtime)
        {
            using var output = new PooledBufferWriter();
            long started = Stopwatch.GetTimestamp();

            InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output, DateTimeOffset.UtcNow.AddMilliseconds(100)))
                .AsTask().WaitAsync(Patience);

            Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(150), "answered before the deadline and the grace");
            Assert.False(release.Task.IsCompleted);
            Assert.Equal("Function.Timeout", result.Error!.ErrorType);
            Assert.True(result.Abandoned);
            Assert.Contains("left running", result.Error.ErrorMessage);
            Assert.Equal(1, runtime.AbandonedHandlers);
            Assert.Equal(new[] { "after:AfterInvoke" }, journal);
            Assert.Equal("Function.Timeout", Assert.IsType<Errors.FaaSRuntimeException>(hook.SeenError).ErrorType);
            Assert.Contains(events.ToArray(), e => e.Level == LogEventLevel.Warning && e.RenderMessage().Contains("leaving the handler running"));

            release.SetResult();
            await WaitForAsync(() => runtime.AbandonedHandlers == 0);
            LogEvent dropped = await WaitForLogAsync(events, "its result is dropped");
            Assert.Equal(LogEventLevel.Warning, dropped.Level);
            // One answer: one failure line, one run of the after-hooks, nothing for the late result.
            Assert.Single(events.ToArray(), e => e.Level == LogEventLevel.Error && e.RenderMessage().Contains("failed with"));
            Assert.Equal(new[] { "after:AfterInvoke" }, journal);
        }
    }

    [Fact]
    public async Task Invoke_HandlerThrowsAfterItWasAbandoned_FailureIsLoggedAndDroppedAndTheRuntimeGoesOn()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", async ctx =>
        {
            if (ctx.Event.Length > 2)
            {
                ctx.Output.Write(ctx.Event.Span);
                return;
            }
            await release.Task;
            throw new InvalidOperationException("too late to matter");
        });
        (FunctionRuntime runtime, List<LogEvent> events) = await StartAsync(builder, TimeSpan.FromMilliseconds(50));
        await using (runtime)
        {
            using var output = new PooledBufferWriter();
            InvocationResult timedOut = await runtime.InvokeAsync(Some.Invocation("{}", output, DateTimeOffset.UtcNow.AddMilliseconds(50)))
                .AsTask().WaitAsync(Patience);
            Assert.Equal("Function.Timeout", timedOut.Error!.ErrorType);

            release.SetResult();
            LogEvent dropped = await WaitForLogAsync(events, "the failure is dropped");
            Assert.Equal(LogEventLevel.Warning, dropped.Level);
            Assert.IsType<InvalidOperationException>(dropped.Exception);
            Assert.Equal(0, runtime.AbandonedHandlers);
            Assert.Single(events.ToArray(), e => e.Level == LogEventLevel.Error && e.RenderMessage().Contains("failed with"));

            // The next invocation is served as usual.
            using var next = new PooledBufferWriter();
            InvocationResult served = await runtime.InvokeAsync(Some.Invocation("{\"n\":2}", next, DateTimeOffset.UtcNow.AddSeconds(30)));
            Assert.True(served.IsSuccess);
            Assert.Equal("{\"n\":2}", System.Text.Encoding.UTF8.GetString(next.WrittenSpan));
        }
    }

    [Fact]
    public async Task Invoke_HandlerFinishesPastDeadlineButWithinTheGrace_IsAnsweredNormally()
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", async ctx =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300)); // past the deadline, ignoring the token
            ctx.Output.Write("done"u8);
        });
        (FunctionRuntime runtime, List<LogEvent> events) = await StartAsync(builder, TimeSpan.FromSeconds(5));
        await using (runtime)
        {
            using var output = new PooledBufferWriter();
            InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output, DateTimeOffset.UtcNow.AddMilliseconds(100)))
                .AsTask().WaitAsync(Patience);

            Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
            Assert.False(result.Abandoned);
            Assert.Equal("done", System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
            Assert.Equal(0, runtime.AbandonedHandlers);
            Assert.DoesNotContain(events.ToArray(), e => e.Level >= LogEventLevel.Warning);
        }
    }

    [Fact]
    public async Task Invoke_PendingHandlerThrowsTimeoutExceptionBeforeItsDeadline_IsItsOwnFailureNotAnAbandonment()
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", async _ =>
        {
            await Task.Yield();
            throw new TimeoutException("the database did not answer");
        });
        (FunctionRuntime runtime, _) = await StartAsync(builder, TimeSpan.FromMilliseconds(100));
        await using (runtime)
        {
            using var output = new PooledBufferWriter();
            InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output, DateTimeOffset.UtcNow.AddSeconds(30)))
                .AsTask().WaitAsync(Patience);

            Assert.Equal("System.TimeoutException", result.Error!.ErrorType);
            Assert.Equal("the database did not answer", result.Error.ErrorMessage);
            Assert.False(result.Abandoned);
        }
    }

    private static async Task<(FunctionRuntime Runtime, List<LogEvent> Events)> StartAsync(FunctionAppBuilder builder, TimeSpan grace)
    {
        (Serilog.ILogger logger, List<LogEvent> events) = Some.Logger();
        var runtime = new FunctionRuntime(builder, Some.Function(), logger, null, false) { DeadlineGrace = grace };
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return (runtime, events);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        long started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < Patience, "gave up waiting");
            await Task.Delay(10);
        }
    }

    private static async Task<LogEvent> WaitForLogAsync(List<LogEvent> events, string text)
    {
        LogEvent? found = null;
        await WaitForAsync(() =>
        {
            lock (events)
            {
                found = events.FirstOrDefault(e => e.RenderMessage().Contains(text, StringComparison.Ordinal));
            }
            return found is not null;
        });
        return found!;
    }
}
