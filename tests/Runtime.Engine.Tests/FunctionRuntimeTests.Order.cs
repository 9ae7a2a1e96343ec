using System.Collections.Generic;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;
using Runtime.Engine.Lifecycle;
using Xunit;

namespace Runtime.Engine.Tests;

public sealed partial class FunctionRuntimeTests
{
    [Fact]
    public async Task Phases_TwoHooks_RunAsAnOnionInDocumentedOrder()
    {
        var journal = new List<string>();
        var builder = new FunctionAppBuilder();
        builder.Hooks.Add(new RecordingHook("a", journal)).Add(new RecordingHook("b", journal));
        builder.Functions.AddRaw("fn", ctx =>
        {
            lock (journal)
            {
                journal.Add("handler");
            }
            return default;
        });

        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();
        InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output));
        IReadOnlyList<System.Exception> closeFailures = await runtime.CloseAsync("test", System.TimeSpan.FromSeconds(5));

        Assert.True(result.IsSuccess);
        Assert.Empty(closeFailures);
        Assert.Equal(new[]
        {
            "a:BeforeRuntimeStart", "b:BeforeRuntimeStart", "b:AfterRuntimeStart", "a:AfterRuntimeStart",
            "a:BeforeFunctionStart", "b:BeforeFunctionStart", "b:AfterFunctionStart", "a:AfterFunctionStart",
            "a:BeforeInvoke", "b:BeforeInvoke", "handler", "b:AfterInvoke", "a:AfterInvoke",
            "b:BeforeClose", "a:BeforeClose", "a:AfterClose", "b:AfterClose",
        }, journal);
    }

    [Fact]
    public async Task Hooks_DeclaringOnlySomePhases_AreCalledOnlyForThose()
    {
        var journal = new List<string>();
        var builder = new FunctionAppBuilder();
        builder.Hooks.Add(new RecordingHook("inv", journal, phases: HookPhases.BeforeInvoke | HookPhases.AfterInvoke));
        builder.Functions.AddRaw("fn", _ => default);

        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();
        await runtime.InvokeAsync(Some.Invocation("{}", output));
        await runtime.CloseAsync("test", System.TimeSpan.FromSeconds(5));

        Assert.Equal(new[] { "inv:BeforeInvoke", "inv:AfterInvoke" }, journal);
    }

    [Fact]
    public async Task Middleware_FirstRegistered_IsOutermost()
    {
        var journal = new List<string>();
        var builder = new FunctionAppBuilder();
        builder.Middleware
            .Use("outer", next => async ctx => { journal.Add("outer>"); await next(ctx); journal.Add("<outer"); })
            .Use("inner", next => async ctx => { journal.Add("inner>"); await next(ctx); journal.Add("<inner"); });
        builder.Functions.AddRaw("fn", _ => { journal.Add("handler"); return default; });

        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();
        await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.Equal(new[] { "outer>", "inner>", "handler", "<inner", "<outer" }, journal);
    }

    [Fact]
    public async Task Invoke_DelegateHooks_SeeTheContextAndTheError()
    {
        string? before = null;
        System.Exception? seen = null;
        var builder = new FunctionAppBuilder();
        builder.Hooks
            .BeforeInvoke("b", ctx => { before = ctx.RequestId; return default; })
            .AfterInvoke("a", (ctx, error) => { seen = error; return default; });
        builder.Functions.AddRaw("fn", _ => throw new System.ArgumentException("bad"));

        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();
        Invocation invocation = Some.Invocation("{}", output);
        InvocationResult result = await runtime.InvokeAsync(invocation);

        Assert.Equal(invocation.RequestId, before);
        Assert.IsType<System.ArgumentException>(seen);
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task Invoke_FirstAndLater_MarksOnlyTheFirstAsColdStart()
    {
        var seen = new List<bool>();
        var builder = new FunctionAppBuilder();
        builder.Functions.AddRaw("fn", ctx => { seen.Add(ctx.IsColdStart); return default; });

        await using FunctionRuntime runtime = await Some.StartedRuntime(builder);
        using var output = new PooledBufferWriter();
        for (int i = 0; i < 3; i++)
        {
            output.Reset();
            await runtime.InvokeAsync(Some.Invocation("{}", output));
        }

        Assert.Equal(new[] { true, false, false }, seen);
    }
}
