using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Functions.Aggregation;
using Runtime.Engine.Lifecycle;
using Xunit;
using static Runtime.Engine.Tests.Aggregation.Routes;

namespace Runtime.Engine.Tests.Aggregation;

/// <summary>A runtime whose builder carries an aggregation manifest: what each invocation reaches.</summary>
public sealed class AggregatedRuntimeTests
{
    private readonly List<string> _calls = new();
    private readonly TestHttpCodec _codec = new();

    private FunctionAppBuilder Builder(AggregationManifest? manifest)
    {
        var builder = new FunctionAppBuilder { Aggregation = manifest };
        builder.Functions.AddHttp("hello", (ctx, req, res) =>
        {
            _calls.Add($"hello {ctx.HandlerName} {string.Join(",", req.PathParameters)}");
            res.Write("hi " + req.PathParameters["name"]);
            return default;
        });
        builder.Functions.AddRaw("jobs", ctx => { _calls.Add("jobs " + ctx.HandlerName); return default; });
        builder.Functions.AddRaw("other", ctx => { _calls.Add("other " + ctx.HandlerName); return default; });
        builder.Hooks.BeforeInvoke("seen", ctx => { _calls.Add("before " + ctx.HandlerName); return default; });
        builder.Hooks.AfterInvoke("seen", (ctx, error) => { _calls.Add("after " + (error as IFaaSErrorType)?.ErrorType); return default; });
        return builder;
    }

    private static AggregationManifest Group() => Manifest("/api",
        new[] { Of("hello", "/hello/{name}", "GET"), Of("other", "/other/*") },
        new[] { ("jobs", "jobs-timer-0"), ("other", "other-cos-1") });

    private static async Task<FunctionRuntime> Start(FunctionAppBuilder builder, ITriggerNameReader? triggers = null, string? handler = null,
        bool explicitHandler = false)
    {
        var runtime = new FunctionRuntime(builder, Some.Function(), Some.Logger().Logger, handler, explicitHandler) { TriggerNames = triggers };
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return runtime;
    }

    private async Task<(InvocationResult Result, string Output)> Invoke(FunctionRuntime runtime, string payload)
    {
        using var output = new PooledBufferWriter();
        Invocation invocation = Some.Invocation(payload, output);
        InvocationResult result = await runtime.InvokeAsync(new Invocation
        {
            RequestId = invocation.RequestId,
            Payload = invocation.Payload,
            Output = output,
            HttpCodec = _codec,
        });
        return (result, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public async Task Invoke_HttpRoute_ReachesItsFunctionWithItsParameters()
    {
        await using FunctionRuntime runtime = await Start(Builder(Group()));

        var (result, output) = await Invoke(runtime, "HTTP GET /api/hello/bob");

        Assert.True(result.IsSuccess);
        Assert.Equal("hi bob", output);
        Assert.Equal(200, _codec.Status);
        Assert.Equal(new[] { "before hello", "hello hello [name, bob]", "after " }, _calls);
        Assert.Equal("api", runtime.FunctionName);
    }

    [Fact]
    public async Task Invoke_NoRoute_Answers404WithJson()
    {
        await using FunctionRuntime runtime = await Start(Builder(Group()));

        var (result, output) = await Invoke(runtime, "HTTP GET /api/x");

        Assert.True(result.IsSuccess);
        Assert.Equal(404, _codec.Status);
        Assert.Equal("application/json", _codec.ContentType);
        Assert.Equal("""{"message":"No route for GET /api/x"}""", output);
        Assert.Equal(new[] { "before api", "after " }, _calls);
    }

    [Fact]
    public async Task Invoke_OutsideThePrefix_Answers404()
    {
        await using FunctionRuntime runtime = await Start(Builder(Group()));

        var (_, output) = await Invoke(runtime, "HTTP GET /hello/bob");

        Assert.Equal(404, _codec.Status);
        Assert.Equal("""{"message":"No route for GET /hello/bob"}""", output);
    }

    [Fact]
    public async Task Invoke_PathMatchesMethodDoesNot_Answers405WithAllow()
    {
        await using FunctionRuntime runtime = await Start(Builder(Group()));

        var (result, output) = await Invoke(runtime, "HTTP DELETE /api/hello/bob");

        Assert.True(result.IsSuccess);
        Assert.Equal(405, _codec.Status);
        Assert.Equal("GET", _codec.Allow);
        Assert.Equal("""{"message":"Method DELETE is not allowed for /api/hello/bob"}""", output);
    }

    [Fact]
    public async Task Invoke_EventWithATriggerName_ReachesItsFunction()
    {
        await using FunctionRuntime runtime = await Start(Builder(Group()), new FixedTriggerName("jobs-timer-0"));

        var (result, _) = await Invoke(runtime, """{"Type":"Timer"}""");

        Assert.True(result.IsSuccess);
        Assert.Equal(new[] { "before jobs", "jobs jobs", "after " }, _calls);
    }

    [Fact]
    public async Task Invoke_EventWithoutATriggerName_FailsWithNoRouteOnce()
    {
        await using FunctionRuntime runtime = await Start(Builder(Group()), new FixedTriggerName(null));

        var (result, _) = await Invoke(runtime, """{"Records":[]}""");

        Assert.Equal(ErrorTypes.NoRoute, result.Error!.ErrorType);
        Assert.Equal("The event is not an HTTP request and names no trigger, so no function of 'api' can be chosen for it.", result.Error.ErrorMessage);
        Assert.Equal(new[] { "before api", "after Runtime.NoRoute" }, _calls);
    }

    [Fact]
    public async Task Invoke_EventWithAnUnknownTriggerName_FailsWithNoRoute()
    {
        await using FunctionRuntime runtime = await Start(Builder(Group()), new FixedTriggerName("nightly"));

        var (result, _) = await Invoke(runtime, "{}");

        Assert.Equal(ErrorTypes.NoRoute, result.Error!.ErrorType);
        Assert.Equal("No function of 'api' takes trigger 'nightly'. Triggers: 'jobs-timer-0', 'other-cos-1'.", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Invoke_NoTriggerReader_EventsFailWithNoRoute()
    {
        await using FunctionRuntime runtime = await Start(Builder(Group()));

        var (result, _) = await Invoke(runtime, "{}");

        Assert.Equal(ErrorTypes.NoRoute, result.Error!.ErrorType);
    }

    [Fact]
    public async Task Invoke_OneFunctionManifest_ServesItWithoutRouting()
    {
        await using FunctionRuntime runtime = await Start(Builder(Manifest(null, Of("jobs", "/only/this"))));

        var (result, _) = await Invoke(runtime, "HTTP GET /anything");

        Assert.True(result.IsSuccess);
        Assert.Equal(new[] { "before jobs", "jobs jobs", "after " }, _calls);
        Assert.Equal("jobs", runtime.FunctionName);
    }

    [Fact]
    public async Task Start_OneFunctionManifestAndAnotherExplicitHandler_Fails()
    {
        var runtime = new FunctionRuntime(Builder(Manifest(null, Of("jobs", "/x"))), Some.Function(), Some.Logger().Logger, "hello", true);
        await using (runtime)
        {
            await runtime.StartRuntimeAsync();

            LifecyclePhaseException ex = await Assert.ThrowsAsync<LifecyclePhaseException>(() => runtime.StartFunctionAsync());

            Assert.Equal("FunctionStart failed in aggregation manifest: The handler is set to 'hello', but the aggregation manifest serves 'jobs'.", ex.Message);
        }
    }

    [Fact]
    public async Task Start_UnregisteredFunction_FailsFunctionStartAsAConfigError()
    {
        AggregationManifest manifest = Manifest(null, Of("hello", "/a"), Of("missing", "/b"));
        var runtime = new FunctionRuntime(Builder(manifest), Some.Function(), Some.Logger().Logger, null, false);
        await using (runtime)
        {
            await runtime.StartRuntimeAsync();

            LifecyclePhaseException ex = await Assert.ThrowsAsync<LifecyclePhaseException>(() => runtime.StartFunctionAsync());

            Assert.Equal(LifecyclePhase.FunctionStart, ex.Phase);
            Assert.Equal(ErrorTypes.ConfigInvalid, ex.ErrorType);
            Assert.Equal("FunctionStart failed in aggregation manifest: The aggregation manifest lists function 'missing', which this binary does not register. " +
                "Registered: 'hello', 'jobs', 'other'.", ex.Message);
        }
    }

    [Fact]
    public async Task Start_EveryFunctionOfTheGroup_IsInitialisedAndDisposedAtClose()
    {
        var started = new List<string>();
        var disposed = new List<string>();
        var builder = new FunctionAppBuilder { Aggregation = Manifest(null, Of("a", "/a"), Of("b", "/b")) };
        builder.Functions.Add("a", _ => new Disposable("a", disposed)).OnStart("a", (_, _) => { started.Add("a"); return Task.CompletedTask; });
        builder.Functions.Add("b", _ => new Disposable("b", disposed)).OnStart("b", (_, _) => { started.Add("b"); return Task.CompletedTask; });
        builder.Functions.Add("not-in-group", _ => throw new InvalidOperationException("never built"));
        await using FunctionRuntime runtime = await Start(builder);

        await runtime.CloseAsync("test", TimeSpan.FromSeconds(5));

        Assert.Equal(new[] { "a", "b" }, started);
        Assert.Equal(new[] { "a", "b" }, disposed);
    }

    private sealed class FixedTriggerName : ITriggerNameReader
    {
        private readonly string? _name;

        public FixedTriggerName(string? name) => _name = name;

        public string? ReadTriggerName(ReadOnlyMemory<byte> payload, object? platformContext) => _name;
    }

    private sealed class Disposable : Functions.IFunctionHandler, IDisposable
    {
        private readonly string _name;
        private readonly List<string> _disposed;

        public Disposable(string name, List<string> disposed)
        {
            _name = name;
            _disposed = disposed;
        }

        public ValueTask InvokeAsync(FaaSContext context) => default;

        public void Dispose() => _disposed.Add(_name);
    }
}
