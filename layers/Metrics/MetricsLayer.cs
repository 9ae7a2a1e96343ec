using System;
using System.IO;
using Runtime.Engine.Layers;

namespace Runtime.Layers.Metrics;

/// <summary>
/// The metrics layer: for every invocation it records cold start, init duration (on the cold invocation), duration,
/// success or the error type, and memory in use, and writes them as one line on stdout straight away: CloudWatch
/// Embedded Metric Format on AWS Lambda, one flat JSON line elsewhere. Settings (manifest or environment, including
/// the Powertools variables) are read and checked against the EMF limits once, at RuntimeStart. See layers/Metrics/README.md.
/// </summary>
public sealed class MetricsLayer : FaaSLayer
{
    /// <summary>The layer's name: <c>metrics</c>.</summary>
    public const string LayerName = "metrics";

    /// <summary>
    /// The order <see cref="MetricsLayerRegistryExtensions.AddMetricsLayer"/> gives the layer when no options are passed:
    /// outermost, so its duration spans the other layers and it still records an invocation whose inner hooks fail.
    /// </summary>
    public const int DefaultOrder = -1000;

    private readonly Stream? _output;
    private readonly TimeProvider _clock;

    /// <summary>Creates the layer; it writes to the process's stdout.</summary>
    public MetricsLayer()
        : this(null, TimeProvider.System)
    {
    }

    /// <summary>Creates the layer writing to <paramref name="output"/> (stdout when null) and timing with <paramref name="clock"/>.</summary>
    internal MetricsLayer(Stream? output, TimeProvider clock)
    {
        _output = output;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <inheritdoc />
    public override string Name => LayerName;

    /// <inheritdoc />
    public override void Configure(LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Layers are configured first thing in RuntimeStart: init duration is measured from here (see README).
        long runtimeStart = _clock.GetTimestamp();
        MetricsSettings settings = MetricsSettings.Read(context.Settings, context.Function);
        if (!settings.Enabled)
        {
            context.Logger.Debug("Metrics are switched off; the layer adds nothing");
            return;
        }
        IMetricsFormat format = settings.Format == MetricsFormat.Emf
            ? new EmfFormat(settings, context.Function)
            : new JsonLineFormat(settings, context.Function);
        var emitter = new MetricsEmitter(_output ?? StandardOutput(), format);
        context.AddHook(new MetricsHook(context.Name, emitter, _clock, runtimeStart, settings.Memory));
        context.Logger.Debug("Metrics as {MetricsFormat} to stdout, namespace {MetricsNamespace}, service {MetricsService}, memory {MetricsMemory}",
            settings.Format, settings.Namespace, settings.Service, settings.Memory);
    }

    /// <summary>
    /// File descriptor 1 as an unbuffered stream (each Write is one <c>write</c>, repeated only for a partial write).
    /// Not <see cref="Console.OpenStandardOutput()"/>: System.Console would be linked into the native layer library for
    /// this one call, a bigger library to load and relocate at start (docs/benchmarks.md, Layers).
    /// </summary>
    private static Stream StandardOutput() =>
        new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
}
