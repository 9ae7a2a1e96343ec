using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Engine.Layers;
using Runtime.Engine.Layers.Native;
using Serilog;
using Serilog.Core;

namespace Runtime.Micro;

/// <summary>
/// What a native layer (a native-AOT shared library, docs/layer-abi.md) adds to one engine invoke: the silent probe
/// (tests/ProbeLayer, hooks for every phase that do nothing: two crossings per invocation, BeforeInvoke and
/// AfterInvoke) once and three times. The bars (docs/benchmarks.md, Layers): at most 5 µs p50 per layer whose hooks
/// do nothing. Needs the probe published natively where bench/ColdStart puts it:
/// <c>dotnet publish tests/ProbeLayer -c Release -p:NativeLayer=true -o artifacts/bench/layers/probe</c>, then
/// <c>dotnet run -c Release --project bench/Micro -- --filter '*NativeLayer*'</c>. Each layer loads its own copy of the
/// library (the dynamic loader hands back an already-loaded library for the same file).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NativeLayerBenchmarks
{
    private static readonly byte[] s_event = Encoding.UTF8.GetBytes("""{"Id":"o-1","Quantity":3}""");

    private readonly PooledBufferWriter _output = new();
    private readonly List<string> _copies = new();
    private FunctionRuntime _bare = null!;
    private FunctionRuntime _oneProbe = null!;
    private FunctionRuntime _threeProbes = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        Logger logger = new LoggerConfiguration().CreateLogger();
        var info = new FunctionInfo("bench", "$LATEST", 128, null, "aws-lambda");
        string library = ProbeLibrary();
        _bare = await Start(info, logger, library, 0);
        _oneProbe = await Start(info, logger, library, 1);
        _threeProbes = await Start(info, logger, library, 3);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (FunctionRuntime runtime in new[] { _bare, _oneProbe, _threeProbes })
        {
            await runtime.DisposeAsync();
        }
        _output.Dispose();
        foreach (string copy in _copies)
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public ValueTask<InvocationResult> InvokeWithoutLayers() => Invoke(_bare);

    [Benchmark]
    public ValueTask<InvocationResult> InvokeWithOneSilentNativeLayer() => Invoke(_oneProbe);

    [Benchmark]
    public ValueTask<InvocationResult> InvokeWithThreeSilentNativeLayers() => Invoke(_threeProbes);

    private ValueTask<InvocationResult> Invoke(FunctionRuntime runtime)
    {
        _output.Reset();
        return runtime.InvokeAsync(new Invocation
        {
            RequestId = "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            Deadline = DateTimeOffset.UtcNow.AddMinutes(5),
            TraceId = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
            Payload = s_event,
            Output = _output,
        });
    }

    private async Task<FunctionRuntime> Start(FunctionInfo info, ILogger logger, string library, int layers)
    {
        var builder = new FunctionAppBuilder();
        for (int i = 0; i < layers; i++)
        {
            string name = "probe" + (_copies.Count + 1);
            string folder = Path.Combine(Path.GetTempPath(), "native-layer-bench-" + Environment.ProcessId + "-" + name);
            Directory.CreateDirectory(folder);
            _copies.Add(folder);
            string copy = Path.Combine(folder, Path.GetFileName(library));
            File.Copy(library, copy, overwrite: true);
            var options = new LayerOptions
            {
                Order = 10 + i,
                Settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["silent"] = "true" },
            };
            builder.Layers.Add(NativeLibraryLayer.Load(name, copy, options), options);
        }
        builder.Functions.AddRaw("echo", ctx => { ctx.Output.Write(ctx.Event.Span); return ValueTask.CompletedTask; });
        // No environment: the bench machine's variables must not change what is measured.
        var runtime = new FunctionRuntime(builder, info, logger, null, false, static _ => null);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return runtime;
    }

    private static string ProbeLibrary()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Runtime.sln")))
            {
                string library = Path.Combine(dir.FullName, "artifacts", "bench", "layers", "probe", "ProbeLayer.so");
                return File.Exists(library)
                    ? library
                    : throw new FileNotFoundException(
                        "Publish the probe first: dotnet publish tests/ProbeLayer -c Release -p:NativeLayer=true -o artifacts/bench/layers/probe", library);
            }
        }
        throw new DirectoryNotFoundException("Runtime.sln not found above " + AppContext.BaseDirectory);
    }
}
