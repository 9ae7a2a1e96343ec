using System;
using System.Collections.Generic;
using System.Threading;
using System.Buffers;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;
using Runtime.Engine.Functions;
using Runtime.Engine.Layers;
using Runtime.Engine.Lifecycle;
using Xunit;

namespace Runtime.Engine.Tests;

public sealed class LayerTests
{
    private sealed class TestLayer : FaaSLayer
    {
        private readonly Action<LayerContext> _configure;

        public TestLayer(string name, Action<LayerContext> configure)
        {
            Name = name;
            _configure = configure;
        }

        public override string Name { get; }

        public override void Configure(LayerContext context) => _configure(context);
    }

    private static async Task<(FunctionRuntime Runtime, List<Serilog.Events.LogEvent> Events)> Start(FunctionAppBuilder builder)
    {
        var (logger, events) = Some.Logger();
        var runtime = new FunctionRuntime(builder, Some.Function(), logger, null, false, name => name == "LAYER_ENV" ? "from-env" : null);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return (runtime, events);
    }

    [Fact]
    public async Task Layers_WrapTheFunctionsHooksInOrderThenName()
    {
        var journal = new List<string>();
        var builder = new FunctionAppBuilder();
        builder.Hooks.Add(new RecordingHook("user", journal, phases: HookPhases.BeforeInvoke | HookPhases.AfterInvoke));
        builder.Layers
            .Add(new TestLayer("zeta", c => c.AddHook(new RecordingHook("zeta", journal, phases: HookPhases.BeforeInvoke | HookPhases.AfterInvoke))), new LayerOptions { Order = 1 })
            .Add(new TestLayer("alpha", c => c.AddHook(new RecordingHook("alpha", journal, phases: HookPhases.BeforeInvoke | HookPhases.AfterInvoke))), new LayerOptions { Order = 1 })
            .Add(new TestLayer("first", c => c.AddHook(new RecordingHook("first", journal, phases: HookPhases.BeforeInvoke | HookPhases.AfterInvoke))), new LayerOptions { Order = 0 });
        builder.Functions.AddRaw("fn", _ => { journal.Add("handler"); return default; });
        var (runtime, events) = await Start(builder);
        await using FunctionRuntime _ = runtime;
        using var output = new PooledBufferWriter();

        await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.Equal(new[]
        {
            "first:BeforeInvoke", "alpha:BeforeInvoke", "zeta:BeforeInvoke", "user:BeforeInvoke", "handler",
            "user:AfterInvoke", "zeta:AfterInvoke", "alpha:AfterInvoke", "first:AfterInvoke",
        }, journal);
        Assert.Contains(events, e => e.MessageTemplate.Text.StartsWith("Layers, outermost first") && e.RenderMessage().Contains("first (order 0"));
    }

    [Fact]
    public async Task LayerMiddleware_WrapsTheFunctionsMiddleware()
    {
        var journal = new List<string>();
        var builder = new FunctionAppBuilder();
        builder.Middleware.Use("user", next => async ctx => { journal.Add("user>"); await next(ctx); journal.Add("<user"); });
        builder.Layers.Add(new TestLayer("metrics", c => c.UseMiddleware(next => async ctx => { journal.Add("layer>"); await next(ctx); journal.Add("<layer"); })));
        builder.Functions.AddRaw("fn", _ => { journal.Add("handler"); return default; });
        var (runtime, _) = await Start(builder);
        await using FunctionRuntime r = runtime;
        using var output = new PooledBufferWriter();

        await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.Equal(new[] { "layer>", "user>", "handler", "<user", "<layer" }, journal);
    }

    [Fact]
    public async Task Settings_EnvironmentOverridesTheManifest()
    {
        string? seen = null;
        var builder = new FunctionAppBuilder();
        builder.Layers.Add(new TestLayer("cfg", c => seen = c.Settings.Get("mode", "LAYER_ENV")),
            new LayerOptions { Settings = new Dictionary<string, string> { ["mode"] = "from-manifest" } });
        builder.Functions.AddRaw("fn", _ => default);
        var (runtime, _) = await Start(builder);
        await using FunctionRuntime r = runtime;

        Assert.Equal("from-env", seen);
    }

    [Fact]
    public async Task BadSetting_FailsClosedNamingLayerAndSetting()
    {
        var builder = new FunctionAppBuilder();
        builder.Layers.Add(new TestLayer("web", c => c.Settings.GetInt("port", 8080, 1, 65535)),
            new LayerOptions { Settings = new Dictionary<string, string> { ["port"] = "eighty" } });
        builder.Functions.AddRaw("fn", _ => default);
        var runtime = new FunctionRuntime(builder, Some.Function(), Some.Logger().Logger, null, false);

        LifecyclePhaseException ex = await Assert.ThrowsAsync<LifecyclePhaseException>(() => runtime.StartRuntimeAsync());

        Assert.Equal("layer 'web'", ex.Source);
        Assert.Contains("Layer 'web': 'port' is 'eighty'", ex.Message);
        Assert.Equal("Runtime.ConfigInvalid", ex.ErrorType);
    }

    [Fact]
    public async Task ConfigureThrows_FailOpen_LayerLeftOutFunctionServes()
    {
        var builder = new FunctionAppBuilder();
        builder.Layers.Add(new TestLayer("flaky", _ => throw new InvalidOperationException("no agent")), new LayerOptions { Failure = LayerFailurePolicy.Open });
        builder.Functions.AddRaw("fn", _ => default);
        var (runtime, events) = await Start(builder);
        await using FunctionRuntime r = runtime;
        using var output = new PooledBufferWriter();

        Assert.True((await runtime.InvokeAsync(Some.Invocation("{}", output))).IsSuccess);
        Assert.Contains(events, e => e.Level == Serilog.Events.LogEventLevel.Error && e.RenderMessage().Contains("flaky"));
    }

    [Fact]
    public async Task DuplicateNames_FailTheStartNamingBoth()
    {
        var builder = new FunctionAppBuilder();
        builder.Layers.Add(new TestLayer("same", _ => { }), new LayerOptions { Source = "/opt/layers/a" })
            .Add(new TestLayer("same", _ => { }), new LayerOptions { Source = "/opt/layers/b" });
        builder.Functions.AddRaw("fn", _ => default);
        var runtime = new FunctionRuntime(builder, Some.Function(), Some.Logger().Logger, null, false);

        LifecyclePhaseException ex = await Assert.ThrowsAsync<LifecyclePhaseException>(() => runtime.StartRuntimeAsync());

        Assert.Contains("/opt/layers/a and /opt/layers/b", ex.Message);
    }

    [Theory]
    [InlineData(HookPhases.BeforeInvoke)]
    [InlineData(HookPhases.AfterInvoke)]
    public async Task HookThrows_ClosedFailsTheInvocationNamingTheLayer_OpenLogsAndServes(HookPhases phase)
    {
        foreach (LayerFailurePolicy policy in new[] { LayerFailurePolicy.Closed, LayerFailurePolicy.Open })
        {
            var builder = new FunctionAppBuilder();
            builder.Layers.Add(new TestLayer("broken", c => c.AddHook(new RecordingHook("broken", new List<string>(), throwIn: phase))),
                new LayerOptions { Failure = policy });
            builder.Functions.AddRaw("fn", _ => default);
            var (runtime, events) = await Start(builder);
            await using FunctionRuntime r = runtime;
            using var output = new PooledBufferWriter();

            InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output));

            if (policy == LayerFailurePolicy.Closed)
            {
                Assert.Contains("hook 'broken'", result.Error!.ErrorMessage);
            }
            else
            {
                Assert.True(result.IsSuccess);
                Assert.Contains(events, e => e.Level == Serilog.Events.LogEventLevel.Error && e.RenderMessage().Contains("broken"));
            }
        }
    }

    [Fact]
    public async Task HookHangs_TimesOutNamingTheLayer()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new FunctionAppBuilder();
        builder.Layers.Add(new TestLayer("stuck", c => c.AddHook(new HangingHook(gate.Task))), new LayerOptions { HookTimeout = TimeSpan.FromMilliseconds(50) });
        builder.Functions.AddRaw("fn", _ => default);
        var (runtime, _) = await Start(builder);
        await using FunctionRuntime r = runtime;
        using var output = new PooledBufferWriter();

        InvocationResult result = await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.Equal("System.TimeoutException", result.Error!.ErrorType);
        Assert.Contains("Layer 'stuck' did not finish BeforeInvokeAsync within 50 ms", result.Error.ErrorMessage);
        gate.SetResult();
    }

    [Fact]
    public async Task HandlerLayer_ServesInsteadOfTheRegisteredFunctions()
    {
        var builder = new FunctionAppBuilder();
        builder.Layers.Add(new TestLayer("adapter", c => c.UseHandler(_ => new Answer("from layer"))));
        var (runtime, _) = await Start(builder);
        await using FunctionRuntime r = runtime;
        using var output = new PooledBufferWriter();

        await runtime.InvokeAsync(Some.Invocation("{}", output));

        Assert.Equal("from layer", System.Text.Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal("adapter", runtime.FunctionName);
    }

    [Fact]
    public async Task TwoHandlerLayers_FailTheStart()
    {
        var builder = new FunctionAppBuilder();
        builder.Layers.Add(new TestLayer("a", c => c.UseHandler(_ => new Answer("a")))).Add(new TestLayer("b", c => c.UseHandler(_ => new Answer("b"))));
        var runtime = new FunctionRuntime(builder, Some.Function(), Some.Logger().Logger, null, false);

        LifecyclePhaseException ex = await Assert.ThrowsAsync<LifecyclePhaseException>(() => runtime.StartRuntimeAsync());

        Assert.Contains("layer 'a' already is", ex.Message);
    }

    private sealed class HangingHook : RuntimeHook
    {
        private readonly Task _gate;

        public HangingHook(Task gate) : base("hang", HookPhases.BeforeInvoke) => _gate = gate;

        public override ValueTask BeforeInvokeAsync(FaaSContext context) => new(_gate);
    }

    private sealed class Answer : IFunctionHandler
    {
        private readonly string _text;

        public Answer(string text) => _text = text;

        public ValueTask InvokeAsync(FaaSContext context)
        {
            context.Output.Write(System.Text.Encoding.UTF8.GetBytes(_text));
            return default;
        }
    }
}
