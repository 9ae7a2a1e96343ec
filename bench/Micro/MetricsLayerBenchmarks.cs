using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipes;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Engine.Layers;
using Runtime.Layers.Metrics;
using Serilog;
using Serilog.Core;

namespace Runtime.Micro;

/// <summary>
/// What the metrics layer adds to one engine invoke (the bar: at most 10 µs p50), and what each memory reading costs.
/// The layer writes its line where stdout would be: /dev/null unbuffered (one write(2) per invocation, the cheapest
/// real syscall), a pipe drained by another thread (what stdout is on Lambda and in containers), and
/// <see cref="Stream.Null"/> (formatting alone). <c>dotnet run -c Release --project bench/Micro -- --filter '*Metrics*'</c>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MetricsLayerBenchmarks
{
    private static readonly byte[] s_event = Encoding.UTF8.GetBytes("""{"Id":"o-1","Quantity":3}""");

    private readonly PooledBufferWriter _output = new();
    private readonly List<IDisposable> _owned = new();
    private FunctionRuntime _bare = null!;
    private FunctionRuntime _emfDevNull = null!;
    private FunctionRuntime _jsonDevNull = null!;
    private FunctionRuntime _emfPipe = null!;
    private FunctionRuntime _emfNullStream = null!;
    private AnonymousPipeServerStream _pipe = null!;
    private Thread _drain = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        Logger logger = new LoggerConfiguration().CreateLogger();
        var aws = new FunctionInfo("bench", "$LATEST", 128, null, "aws-lambda");

        _bare = await Start(null, aws, logger);
        _emfDevNull = await Start(DevNull(), aws, logger);
        _jsonDevNull = await Start(DevNull(), new FunctionInfo("bench", "latest", 128, null, "alibaba-fc"), logger);
        _emfNullStream = await Start(Stream.Null, aws, logger);

        _pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        var reader = new AnonymousPipeClientStream(PipeDirection.In, _pipe.ClientSafePipeHandle);
        _drain = new Thread(() =>
        {
            byte[] sink = new byte[64 * 1024];
            while (reader.Read(sink, 0, sink.Length) > 0)
            {
            }
            reader.Dispose();
        }) { IsBackground = true, Name = "pipe-drain" };
        _drain.Start();
        _emfPipe = await Start(_pipe, aws, logger);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (FunctionRuntime runtime in new[] { _bare, _emfDevNull, _jsonDevNull, _emfPipe, _emfNullStream })
        {
            await runtime.DisposeAsync();
        }
        _pipe.Dispose();
        _drain.Join(TimeSpan.FromSeconds(5));
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }
        _output.Dispose();
    }

    [Benchmark(Baseline = true)]
    public ValueTask<InvocationResult> InvokeWithoutMetrics() => Invoke(_bare);

    [Benchmark]
    public ValueTask<InvocationResult> InvokeWithMetricsEmfToDevNull() => Invoke(_emfDevNull);

    [Benchmark]
    public ValueTask<InvocationResult> InvokeWithMetricsJsonToDevNull() => Invoke(_jsonDevNull);

    [Benchmark]
    public ValueTask<InvocationResult> InvokeWithMetricsEmfToPipe() => Invoke(_emfPipe);

    [Benchmark]
    public ValueTask<InvocationResult> InvokeWithMetricsEmfFormattingOnly() => Invoke(_emfNullStream);

    [Benchmark]
    public long MemoryGcTotalMemory() => GC.GetTotalMemory(forceFullCollection: false);

    [Benchmark]
    public long MemoryGcMemoryInfo() => GC.GetGCMemoryInfo().HeapSizeBytes;

    [Benchmark]
    public long MemoryWorkingSet() => Environment.WorkingSet;

    private ValueTask<InvocationResult> Invoke(FunctionRuntime runtime)
    {
        _output.Reset();
        return runtime.InvokeAsync(new Invocation { RequestId = "8476a536-e9f4-11e8-9739-2dfe598c3fcd", Payload = s_event, Output = _output });
    }

    private FileStream DevNull()
    {
        // bufferSize 0: no FileStream buffer, so each of the layer's writes is one write(2), as on the console stream.
        var stream = new FileStream("/dev/null", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        _owned.Add(stream);
        return stream;
    }

    private static async Task<FunctionRuntime> Start(Stream? metricsOutput, FunctionInfo info, ILogger logger)
    {
        var builder = new FunctionAppBuilder();
        if (metricsOutput is not null)
        {
            builder.Layers.Add(new MetricsLayer(metricsOutput, TimeProvider.System), new LayerOptions { Order = MetricsLayer.DefaultOrder });
        }
        builder.Functions.AddRaw("echo", ctx => { ctx.Output.Write(ctx.Event.Span); return ValueTask.CompletedTask; });
        // No environment: the bench machine's variables must not change what is measured.
        var runtime = new FunctionRuntime(builder, info, logger, null, false, static _ => null);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return runtime;
    }
}
