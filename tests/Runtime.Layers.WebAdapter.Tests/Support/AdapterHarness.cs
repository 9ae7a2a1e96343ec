using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Engine.Layers;
using Serilog.Events;

namespace Runtime.Layers.WebAdapter.Tests.Support;

/// <summary>
/// The engine running one function whose only layer is the web adapter, as the bootstrap would drive it, in process.
/// Settings come from a dictionary standing in for the environment (the process environment is never changed).
/// </summary>
internal sealed class AdapterHarness : IAsyncDisposable
{
    private AdapterHarness(FunctionRuntime runtime, List<LogEvent> events)
    {
        Runtime = runtime;
        Events = events;
    }

    public FunctionRuntime Runtime { get; }

    public List<LogEvent> Events { get; }

    /// <summary>Starts the runtime through FunctionStart; on failure it is disposed (stopping any app) and the failure thrown.</summary>
    public static async Task<AdapterHarness> StartAsync(IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string>? manifest = null, string platform = "test")
    {
        (FunctionRuntime runtime, List<LogEvent> events) = Create(environment, manifest, platform);
        try
        {
            await runtime.StartRuntimeAsync().WaitAsync(Some.StartLimit);
            await runtime.StartFunctionAsync().WaitAsync(Some.StartLimit);
        }
        catch
        {
            await runtime.DisposeAsync();
            throw;
        }
        return new AdapterHarness(runtime, events);
    }

    /// <summary>Starts the runtime expecting a start failure: returns it (the runtime is disposed) and how long the start took.</summary>
    public static async Task<(Exception Failure, TimeSpan Elapsed, List<LogEvent> Events)> StartFailingAsync(
        IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string>? manifest = null, string platform = "test")
    {
        (FunctionRuntime runtime, List<LogEvent> events) = Create(environment, manifest, platform);
        long started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            await runtime.StartRuntimeAsync().WaitAsync(Some.StartLimit);
            await runtime.StartFunctionAsync().WaitAsync(Some.StartLimit);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        await runtime.DisposeAsync();
        return (failure ?? throw new InvalidOperationException("The start was expected to fail but succeeded."), elapsed, events);
    }

    /// <summary>Runs one HTTP invocation; the response is decoded when the invocation succeeded.</summary>
    public async Task<(InvocationResult Result, TestResponse? Response, string RequestId)> SendAsync(TestRequest request, DateTimeOffset? deadline = null)
    {
        (InvocationResult result, byte[] output, string requestId) = await InvokeAsync(request.ToEvent(), deadline);
        return (result, result.IsSuccess ? TestResponse.Parse(output) : null, requestId);
    }

    /// <summary>Runs one invocation with the raw event bytes.</summary>
    public async Task<(InvocationResult Result, byte[] Output, string RequestId)> InvokeAsync(byte[] payload, DateTimeOffset? deadline = null,
        string? contentType = null)
    {
        using var output = new PooledBufferWriter();
        var invocation = new Invocation
        {
            RequestId = Some.RequestId(),
            Payload = payload,
            Output = output,
            HttpCodec = TestHttpCodec.Instance,
            Deadline = deadline ?? DateTimeOffset.UtcNow.AddMinutes(1),
            ContentType = contentType,
            TraceId = "Root=1-test",
        };
        InvocationResult result = await Runtime.InvokeAsync(invocation).AsTask().WaitAsync(Some.StartLimit);
        return (result, output.WrittenSpan.ToArray(), invocation.RequestId);
    }

    public Task<(InvocationResult Result, byte[] Output, string RequestId)> InvokeEventAsync(string json) =>
        InvokeAsync(Encoding.UTF8.GetBytes(json));

    /// <summary>The app's process id, from the layer's start log line.</summary>
    public int AppProcessId() => ProcessIdIn(Events);

    public static int ProcessIdIn(List<LogEvent> events)
    {
        lock (events)
        {
            LogEvent started = events.First(e => e.MessageTemplate.Text.StartsWith("Started the app", StringComparison.Ordinal));
            return int.Parse(started.Properties["ProcessId"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.CloseAsync("test", TimeSpan.FromSeconds(10));
        await Runtime.DisposeAsync();
    }

    private static (FunctionRuntime Runtime, List<LogEvent> Events) Create(IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string>? manifest, string platform)
    {
        var builder = new FunctionAppBuilder();
        builder.Layers.AddWebAdapterLayer(new LayerOptions
        {
            Settings = manifest ?? new Dictionary<string, string>(),
            HookTimeout = Some.StartLimit,
        });
        var (logger, events) = Some.Logger();
        var runtime = new FunctionRuntime(builder, Some.Function(platform), logger, null, false,
            name => environment.TryGetValue(name, out string? value) ? value : null);
        return (runtime, events);
    }
}
