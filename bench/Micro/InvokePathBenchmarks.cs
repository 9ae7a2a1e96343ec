using System;
using System.Buffers;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Light.Http;
using Serilog;
using Serilog.Core;

namespace Runtime.Micro;

public sealed record Order(string Id, int Quantity);

public sealed record Receipt(string OrderId, int Total);

[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Receipt))]
internal sealed partial class MicroJson : JsonSerializerContext
{
}

/// <summary>
/// The per-invocation work the runtime adds around a handler: the engine's invoke (context, hooks, pipeline,
/// handler, result) and parsing the Runtime API's <c>/next</c> response head. Allocation is the figure to watch.
/// </summary>
[MemoryDiagnoser]
public class InvokePathBenchmarks
{
    private static readonly byte[] s_event = Encoding.UTF8.GetBytes("""{"Id":"o-1","Quantity":3}""");
    private static readonly byte[] s_nextHead = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: Wed, 25 Nov 2026 08:00:00 GMT\r\n" +
        "Lambda-Runtime-Aws-Request-Id: 8476a536-e9f4-11e8-9739-2dfe598c3fcd\r\nLambda-Runtime-Deadline-Ms: 1542409706888\r\n" +
        "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:012345678912:function:echo\r\n" +
        "Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1\r\n" +
        "Lambda-Runtime-Invocation-Id: 0f3b6d4c-1a2b-4c5d-8e9f-a0b1c2d3e4f5\r\nContent-Length: 26\r\n\r\n");

    private readonly PooledBufferWriter _output = new();
    private readonly ResponseHead _head = new();
    private FunctionRuntime _echo = null!;
    private FunctionRuntime _typed = null!;
    private FunctionRuntime _hooked = null!;
    private FunctionRuntime _async = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        Logger logger = new LoggerConfiguration().CreateLogger();
        var info = new FunctionInfo("bench", "$LATEST", 128, null, "bench");

        var echo = new FunctionAppBuilder();
        echo.Functions.AddRaw("echo", ctx => { ctx.Output.Write(ctx.Event.Span); return ValueTask.CompletedTask; });
        _echo = await Start(echo, info, logger);

        var typed = new FunctionAppBuilder();
        typed.Functions.AddEvent("typed", MicroJson.Default.Order, MicroJson.Default.Receipt,
            (ctx, order) => ValueTask.FromResult(new Receipt(order.Id, order.Quantity * 10)));
        _typed = await Start(typed, info, logger);

        var hooked = new FunctionAppBuilder();
        hooked.Hooks.BeforeInvoke("noop-before", _ => ValueTask.CompletedTask).AfterInvoke("noop-after", (_, _) => ValueTask.CompletedTask);
        hooked.Middleware.Use("noop", next => next);
        hooked.Functions.AddRaw("echo", ctx => { ctx.Output.Write(ctx.Event.Span); return ValueTask.CompletedTask; });
        _hooked = await Start(hooked, info, logger);

        var pending = new FunctionAppBuilder();
        pending.Functions.AddRaw("async", async ctx => { await Task.Yield(); ctx.Output.Write(ctx.Event.Span); });
        _async = await Start(pending, info, logger);
    }

    [Benchmark(Baseline = true)]
    public ValueTask<InvocationResult> InvokeRawEcho() => Invoke(_echo);

    [Benchmark]
    public ValueTask<InvocationResult> InvokeTypedJson() => Invoke(_typed);

    [Benchmark]
    public ValueTask<InvocationResult> InvokeEchoWithHooksAndMiddleware() => Invoke(_hooked);

    [Benchmark]
    public ValueTask<InvocationResult> InvokeRawEchoWithDeadline() => Invoke(_echo, DateTimeOffset.UtcNow.AddMinutes(5));

    // A handler that pends (awaits) pays for what the engine does to answer it at its deadline, if it gave one.
    [Benchmark]
    public async Task<InvocationResult> InvokeAsyncEcho() => await Invoke(_async);

    [Benchmark]
    public async Task<InvocationResult> InvokeAsyncEchoWithDeadline() => await Invoke(_async, DateTimeOffset.UtcNow.AddMinutes(5));

    [Benchmark]
    public bool ParseNextResponseHead()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(s_nextHead));
        return Http1ResponseParser.TryParseHead(ref reader, _head);
    }

    private ValueTask<InvocationResult> Invoke(FunctionRuntime runtime, DateTimeOffset? deadline = null)
    {
        _output.Reset();
        return runtime.InvokeAsync(new Invocation
        {
            RequestId = "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            Payload = s_event,
            Output = _output,
            Deadline = deadline ?? DateTimeOffset.MaxValue,
        });
    }

    private static async Task<FunctionRuntime> Start(FunctionAppBuilder builder, FunctionInfo info, ILogger logger)
    {
        var runtime = new FunctionRuntime(builder, info, logger, null, false);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return runtime;
    }
}
