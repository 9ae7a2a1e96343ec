using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Engine.Layers;
using Serilog;

namespace Runtime.Layers.Metrics.Tests;

/// <summary>
/// One function with the metrics layer compiled in, run in-process through the engine: the layer writes to a
/// <see cref="RecordingStream"/> and times with a <see cref="FakeClock"/>; the environment is injected. The user
/// initialiser advances the clock by <see cref="InitTime"/>, so the cold invocation's init duration is known.
/// </summary>
internal sealed class MetricsHarness : IAsyncDisposable
{
    public static readonly TimeSpan InitTime = TimeSpan.FromMilliseconds(40);

    private int _next;

    private MetricsHarness(FunctionRuntime runtime, RecordingStream output, FakeClock clock)
    {
        Runtime = runtime;
        Output = output;
        Clock = clock;
    }

    public FunctionRuntime Runtime { get; }

    public RecordingStream Output { get; }

    public FakeClock Clock { get; }

    /// <summary>Every line written so far, parsed.</summary>
    public IReadOnlyList<JsonElement> Lines
    {
        get
        {
            var lines = new List<JsonElement>();
            foreach (string write in Output.Writes)
            {
                using JsonDocument document = JsonDocument.Parse(write);
                lines.Add(document.RootElement.Clone());
            }
            return lines;
        }
    }

    /// <summary>Starts the runtime (RuntimeStart and FunctionStart); <paramref name="handler"/> defaults to an echo that takes 12.5 ms on the fake clock.</summary>
    public static async Task<MetricsHarness> StartAsync(string platform = "aws-lambda", IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyDictionary<string, string>? settings = null, Func<FaaSContext, FakeClock, ValueTask>? handler = null,
        Action<FunctionAppBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var output = new RecordingStream();
        var clock = new FakeClock();
        var builder = new FunctionAppBuilder();
        builder.Layers.Add(new MetricsLayer(output, clock), new LayerOptions
        {
            Order = MetricsLayer.DefaultOrder,
            Settings = settings ?? new Dictionary<string, string>(),
        });
        Func<FaaSContext, FakeClock, ValueTask> run = handler ?? Echo;
        builder.Functions.AddRaw("fn", ctx => run(ctx, clock));
        builder.Functions.OnStart("fn", (_, _) =>
        {
            clock.Advance(InitTime);
            return Task.CompletedTask;
        });
        configure?.Invoke(builder);
        var runtime = new FunctionRuntime(builder, Some.Function(platform), new LoggerConfiguration().CreateLogger(), null, false,
            name => environment is not null && environment.TryGetValue(name, out string? value) ? value : null);
        await runtime.StartRuntimeAsync(cancellationToken);
        await runtime.StartFunctionAsync(cancellationToken);
        return new MetricsHarness(runtime, output, clock);
    }

    public static ValueTask Echo(FaaSContext context, FakeClock clock)
    {
        clock.Advance(TimeSpan.FromMilliseconds(12.5));
        context.Output.Write(context.Event.Span);
        return default;
    }

    /// <summary>Runs one invocation with request id <c>req-N</c>.</summary>
    public async Task<InvocationResult> InvokeAsync(string? requestId = null)
    {
        using var output = new PooledBufferWriter();
        return await Runtime.InvokeAsync(new Invocation
        {
            RequestId = requestId ?? "req-" + Interlocked.Increment(ref _next),
            Payload = Encoding.UTF8.GetBytes("""{"n":1}"""),
            Output = output,
        });
    }

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();
}
