using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>
/// The metrics layer as users attach it: layers/Metrics published as a native library, unpacked with its layer.json
/// into the layers folder of the published bootstrap (no rebuild), one line per invocation on the process's stdout.
/// </summary>
[Collection(BootstrapCollection.Name)]
public sealed class MetricsLayerEndToEndTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PublishedBootstrap _bootstrap;
    private readonly string _layers = Path.Combine(Path.GetTempPath(), "faas-metrics-" + Guid.NewGuid().ToString("N"));

    public MetricsLayerEndToEndTests(PublishedBootstrap bootstrap)
    {
        _bootstrap = bootstrap;
        string folder = Path.Combine(_layers, "metrics");
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.GetFiles(bootstrap.MetricsLayerFolder).Where(static f => f.EndsWith(".so", StringComparison.Ordinal) || f.EndsWith("layer.json", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_layers, recursive: true);

    [Fact]
    public async Task Aws_OneEmfDocumentPerInvocation_ColdThenWarm_FailuresCounted()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation cold = aws.Enqueue("""{"n":1}""");
        await using BootstrapProcess process = BootstrapProcess.Start(_bootstrap.Path,
            ServerEnvironment.For(aws.Environment, "echo", ("FAAS_LAYERS_DIR", _layers), ("POWERTOOLS_METRICS_NAMESPACE", "Shop")));
        await cold.Completion.WaitAsync(Wait);
        PendingInvocation failed = aws.Enqueue("""{"throw":"out of stock"}""");
        InvocationOutcome failure = await failed.Completion.WaitAsync(Wait);
        PendingInvocation warm = aws.Enqueue("""{"n":3}""");
        await warm.Completion.WaitAsync(Wait);
        await process.WaitForLineAsync("\"requestId\":\"" + warm.RequestId + "\"");

        Assert.True(failure.IsError);
        List<JsonElement> lines = MetricLines(process);
        Assert.Equal(new[] { cold.RequestId, failed.RequestId, warm.RequestId }, lines.Select(static l => l.GetProperty("requestId").GetString()));
        JsonElement first = lines[0];
        JsonElement directive = first.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("Shop", directive.GetProperty("Namespace").GetString());
        Assert.Equal(new[] { 1, 0, 0 }, lines.Select(static l => l.GetProperty("ColdStart").GetInt32()));
        Assert.Equal(new[] { 0, 1, 0 }, lines.Select(static l => l.GetProperty("Errors").GetInt32()));
        Assert.Equal("Samples.Echo.EchoException", lines[1].GetProperty("errorType").GetString());
        Assert.True(first.GetProperty("InitDuration").GetDouble() > 0);
        Assert.False(lines[2].TryGetProperty("InitDuration", out _));
        // As a native library the layer reads the whole process's resident memory: megabytes, not its own heap.
        Assert.All(lines, static l => Assert.InRange(l.GetProperty("MemoryUsed").GetInt64(), 2L << 20, 4L << 30));
        // Timed from the bootstrap's start of the invocation (startedNs), so never zero nor absurd.
        Assert.All(lines, static l => Assert.InRange(l.GetProperty("Duration").GetDouble(), 0.0005, 10_000));
    }

    [Fact]
    public async Task AlibabaFc_OneJsonLinePerInvocation()
    {
        await using var fc = new AlibabaFcEmulator();
        await using BootstrapProcess process = BootstrapProcess.Start(_bootstrap.Path,
            ServerEnvironment.For(fc.Environment, "echo", ("FAAS_LAYERS_DIR", _layers)));
        await fc.WaitForReadyAsync(Wait);

        FcOutcome first = await fc.InvokeAsync("""{"order":7}""", "req-metrics-1");
        FcOutcome second = await fc.InvokeAsync("""{"throw":"no"}""", "req-metrics-2");
        await process.WaitForLineAsync("\"requestId\":\"req-metrics-2\"");

        Assert.Equal(200, first.StatusCode);
        Assert.True(second.IsFunctionError);
        // The emulator's readiness probe is a request too (the first, so the cold one); then ours, one line each.
        List<JsonElement> all = MetricLines(process);
        Assert.Equal(3, all.Count);
        Assert.True(all[0].GetProperty("coldStart").GetBoolean());
        List<JsonElement> lines = all.Skip(1).ToList();
        Assert.Equal(new[] { "req-metrics-1", "req-metrics-2" }, lines.Select(static l => l.GetProperty("requestId").GetString()));
        Assert.False(lines[0].TryGetProperty("_aws", out _));
        Assert.Equal(new[] { true, false }, lines.Select(static l => l.GetProperty("success").GetBoolean()));
        Assert.Equal(new[] { false, false }, lines.Select(static l => l.GetProperty("coldStart").GetBoolean()));
        Assert.InRange(lines[1].GetProperty("durationMs").GetDouble(), 0.0005, 10_000);
    }

    /// <summary>The metrics layer's lines among the process's output (the runtime's own log lines have a "level").</summary>
    private static List<JsonElement> MetricLines(BootstrapProcess process) => process.Lines
        .Where(static l => l.StartsWith('{') && l.Contains("\"requestId\"", StringComparison.Ordinal) && !l.Contains("\"level\"", StringComparison.Ordinal))
        .Select(static l => JsonDocument.Parse(l).RootElement.Clone())
        .ToList();
}
