using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Lifecycle;
using Xunit;

namespace Runtime.Engine.Tests;

public sealed partial class FunctionRuntimeTests
{
    [Theory]
    [InlineData(HookPhases.BeforeRuntimeStart, LifecyclePhase.RuntimeStart)]
    [InlineData(HookPhases.AfterRuntimeStart, LifecyclePhase.RuntimeStart)]
    [InlineData(HookPhases.BeforeFunctionStart, LifecyclePhase.FunctionStart)]
    [InlineData(HookPhases.AfterFunctionStart, LifecyclePhase.FunctionStart)]
    public async Task Start_HookThrows_StopsAtFirstFailureNamingPhaseAndHook(HookPhases failing, LifecyclePhase phase)
    {
        var journal = new List<string>();
        var builder = new FunctionAppBuilder();
        builder.Hooks.Add(new RecordingHook("first", journal, throwIn: failing)).Add(new RecordingHook("second", journal));
        builder.Functions.AddRaw("fn", _ => default);
        await using var runtime = new FunctionRuntime(builder, Some.Function(), Some.Logger().Logger, null, false);

        LifecyclePhaseException ex = await Assert.ThrowsAsync<LifecyclePhaseException>(async () =>
        {
            await runtime.StartRuntimeAsync();
            await runtime.StartFunctionAsync();
        });

        Assert.Equal(phase, ex.Phase);
        Assert.Equal("hook 'first'", ex.Source);
        Assert.Equal("System.InvalidOperationException", ex.ErrorType);
        Assert.Contains($"first fails in {failing}", ex.Message);
        // Nothing after the failing call ran.
        Assert.Equal("first:" + failing, journal[^1]);
    }

    [Fact]
    public async Task FunctionStart_InitializerThrows_FailsNamingTheFunction()
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", _ => default).OnStart("fn", (_, _) => throw new TimeoutException("db unreachable"));
        await using var runtime = new FunctionRuntime(builder, Some.Function(), Some.Logger().Logger, null, false);
        await runtime.StartRuntimeAsync();

        LifecyclePhaseException ex = await Assert.ThrowsAsync<LifecyclePhaseException>(() => runtime.StartFunctionAsync());

        Assert.Equal(LifecyclePhase.FunctionStart, ex.Phase);
        Assert.Equal("function 'fn'", ex.Source);
        Assert.Equal("System.TimeoutException", ex.ErrorType);
        FaaSError report = FaaSErrorFactory.FromException(ex);
        Assert.Equal("System.TimeoutException", report.ErrorType);
        Assert.Contains("db unreachable", report.ErrorMessage);
    }

    [Fact]
    public async Task FunctionStart_FactoryThrows_FailsNamingTheFunction()
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.Add("fn", _ => throw new InvalidOperationException("no config"));
        await using var runtime = new FunctionRuntime(builder, Some.Function(), Some.Logger().Logger, null, false);
        await runtime.StartRuntimeAsync();

        LifecyclePhaseException ex = await Assert.ThrowsAsync<LifecyclePhaseException>(() => runtime.StartFunctionAsync());

        Assert.Equal("function 'fn'", ex.Source);
        Assert.Contains("no config", ex.Message);
    }

    [Fact]
    public async Task Invoke_HandlerThrows_ReportsTypeAndMessageAndAfterHooksSeeIt()
    {
        var journal = new List<string>();
        var hook = new RecordingHook("h", journal);
        var builder = new FunctionAppBuilder();
        builder.Hooks.Add(hook);
        builder.Functions.AddRaw("fn", _ => throw new KeyNotFoundException("no such order"));
        var (logger, events) = Some.Logger();
        await using var runtime = new FunctionRuntime(builder, Some.Function(), logger, null, false);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        using var output = new PooledBufferWriter();

        InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.NotNull(result.Error);
        Assert.Equal("System.Collections.Generic.KeyNotFoundException", result.Error!.ErrorType);
        Assert.Equal("no such order", result.Error.ErrorMessage);
        Assert.Equal(FaaSErrorCategory.Function, result.Error.Category);
        Assert.NotNull(result.Error.StackTrace);
        Assert.IsType<KeyNotFoundException>(hook.SeenError);
        Assert.Contains(events, e => e.Level == Serilog.Events.LogEventLevel.Error && e.Exception is KeyNotFoundException);
    }

    [Fact]
    public async Task Invoke_BeforeHookThrows_SkipsHandlerRunsAfterHooksAndNamesTheHook()
    {
        var journal = new List<string>();
        var builder = new FunctionAppBuilder();
        builder.Hooks.Add(new RecordingHook("auth", journal, throwIn: HookPhases.BeforeInvoke)).Add(new RecordingHook("metrics", journal));
        bool handlerRan = false;
        builder.Functions.AddRaw("fn", _ => { handlerRan = true; return default; });
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();
        journal.Clear();

        InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.False(handlerRan);
        Assert.Equal(new[] { "auth:BeforeInvoke", "metrics:AfterInvoke", "auth:AfterInvoke" }, journal);
        Assert.Equal("System.InvalidOperationException", result.Error!.ErrorType);
        Assert.Contains("hook 'auth'", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Invoke_AfterHookThrowsOnSuccess_TurnsResultIntoErrorAndOtherAfterHooksStillRun()
    {
        var journal = new List<string>();
        var builder = new FunctionAppBuilder();
        builder.Hooks.Add(new RecordingHook("outer", journal)).Add(new RecordingHook("inner", journal, throwIn: HookPhases.AfterInvoke));
        builder.Functions.AddRaw("fn", _ => default);
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();
        journal.Clear();

        InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.Contains("inner:AfterInvoke", journal);
        Assert.Contains("outer:AfterInvoke", journal);
        Assert.Contains("hook 'inner'", result.Error!.ErrorMessage);
    }

    [Fact]
    public async Task Invoke_ManyFailures_KeepsServing()
    {
        int calls = 0;
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", _ => ++calls % 2 == 0 ? throw new InvalidOperationException("even") : default);
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();

        var outcomes = new List<bool>();
        for (int i = 0; i < 6; i++)
        {
            output.Reset();
            outcomes.Add((await runtime.InvokeAsync(Some.Invocation("{}", output))).IsSuccess);
        }

        Assert.Equal(new[] { true, false, true, false, true, false }, outcomes);
    }

    [Fact]
    public async Task Close_HooksThrow_RunsEveryStepCollectsAndNeverThrows()
    {
        var journal = new List<string>();
        var builder = new FunctionAppBuilder();
        builder.Hooks
            .Add(new RecordingHook("a", journal, throwIn: HookPhases.BeforeClose | HookPhases.AfterClose))
            .Add(new RecordingHook("b", journal, throwIn: HookPhases.BeforeClose));
        var handler = new DisposableHandler();
        builder.Functions.Add("fn", _ => handler);
        var (logger, events) = Some.Logger();
        await using var runtime = new FunctionRuntime(builder, Some.Function(), logger, null, false);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        journal.Clear();

        IReadOnlyList<Exception> failures = await runtime.CloseAsync("SIGTERM", TimeSpan.FromSeconds(5));

        Assert.Equal(new[] { "b:BeforeClose", "a:BeforeClose", "a:AfterClose", "b:AfterClose" }, journal);
        Assert.Equal(3, failures.Count);
        Assert.True(handler.Disposed);
        Assert.Single(events, e => e.Level == Serilog.Events.LogEventLevel.Error && e.MessageTemplate.Text.StartsWith("Close"));
    }

    [Fact]
    public async Task Close_HookHangs_IsCutOffAtTheBudgetAndLaterStepsRun()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool afterRan = false;
        var builder = new FunctionAppBuilder();
        builder.Hooks
            .BeforeClose("hangs", async (_, _) => await gate.Task)
            .AfterClose("after", (_, _) => { afterRan = true; return default; });
        builder.Functions.AddRaw("fn", _ => default);
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);

        IReadOnlyList<Exception> failures = await runtime.CloseAsync("SIGTERM", TimeSpan.FromMilliseconds(50));

        Assert.IsType<TimeoutException>(Assert.Single(failures));
        Assert.Contains("hangs", failures[0].Message);
        Assert.True(afterRan, "a step that completes at once still runs after the budget is spent");
        gate.SetResult();
    }

    [Fact]
    public async Task Close_CancelsTheInvocationToken()
    {
        var builder = new FunctionAppBuilder();
        CancellationToken seen = default;
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        builder.Functions.AddRaw("fn", async ctx =>
        {
            seen = ctx.CancellationToken;
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
        });
        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();

        ValueTask<InvocationResult> running = runtime.InvokeAsync(Some.Invocation("{}", output));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await runtime.CloseAsync("SIGTERM", TimeSpan.FromSeconds(5));
        InvocationResult result = await running.AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(seen.IsCancellationRequested);
        Assert.False(result.IsSuccess);
    }

    private sealed class DisposableHandler : Functions.IFunctionHandler, IDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask InvokeAsync(FaaSContext context) => default;

        public void Dispose() => Disposed = true;
    }
}
