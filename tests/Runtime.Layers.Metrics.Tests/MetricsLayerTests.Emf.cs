using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Engine.Layers;
using Runtime.Engine.Lifecycle;
using Xunit;

namespace Runtime.Layers.Metrics.Tests;

public sealed partial class MetricsLayerTests
{
    [Fact]
    public async Task Emf_OnAws_WritesAValidDocument()
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync(Some.Aws);

        await h.InvokeAsync("req-a");

        JsonElement doc = Assert.Single(h.Lines);
        AssertValidEmf(doc);
        JsonElement aws = doc.GetProperty("_aws");
        Assert.Equal(h.Clock.UtcNow.ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        JsonElement directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("FaaS", directive.GetProperty("Namespace").GetString());
        JsonElement set = Assert.Single(directive.GetProperty("Dimensions").EnumerateArray());
        Assert.Equal(new[] { "service" }, set.EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(
            new[] { ("ColdStart", "Count"), ("InitDuration", "Milliseconds"), ("Duration", "Milliseconds"), ("Errors", "Count"), ("MemoryUsed", "Bytes") },
            directive.GetProperty("Metrics").EnumerateArray().Select(m => (m.GetProperty("Name").GetString()!, m.GetProperty("Unit").GetString()!)));
        Assert.Equal("orders-fn", doc.GetProperty("service").GetString());
        Assert.Equal(1, doc.GetProperty("ColdStart").GetInt32());
        FakeClock.AssertAdvanced(40.0, doc.GetProperty("InitDuration").GetDouble());
        FakeClock.AssertAdvanced(12.5, doc.GetProperty("Duration").GetDouble());
        Assert.Equal(0, doc.GetProperty("Errors").GetInt32());
        Assert.True(doc.GetProperty("MemoryUsed").GetInt64() > 0);
        Assert.Equal("orders-fn", doc.GetProperty("function").GetString());
        Assert.Equal("req-a", doc.GetProperty("requestId").GetString());
        Assert.False(doc.TryGetProperty("errorType", out _));
    }

    [Fact]
    public async Task ColdStart_IsTrueOnlyForTheFirstInvocation_WithInitDurationOnlyThen()
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync(Some.Aws);

        for (int i = 0; i < 3; i++)
        {
            await h.InvokeAsync();
        }

        IReadOnlyList<JsonElement> lines = h.Lines;
        Assert.Equal(new[] { 1, 0, 0 }, lines.Select(l => l.GetProperty("ColdStart").GetInt32()));
        Assert.Equal(new[] { true, false, false }, lines.Select(l => l.TryGetProperty("InitDuration", out _)));
        Assert.Equal(new[] { true, false, false }, lines.Select(l => MetricNames(l).Contains("InitDuration")));
        Assert.All(lines, AssertValidEmf);
    }

    [Fact]
    public async Task Errors_AreCountedWithTheirType()
    {
        int call = 0;
        await using MetricsHarness h = await MetricsHarness.StartAsync(Some.Aws, handler: (_, _) => ++call switch
        {
            1 => throw new InvalidOperationException("boom"),
            2 => ValueTask.FromException(new FaaSRuntimeException("Orders.OutOfStock", "none left")),
            _ => default,
        });

        InvocationResult failed = await h.InvokeAsync();
        InvocationResult typed = await h.InvokeAsync();
        await h.InvokeAsync();

        Assert.False(failed.IsSuccess);
        Assert.False(typed.IsSuccess);
        IReadOnlyList<JsonElement> lines = h.Lines;
        Assert.Equal(new[] { 1, 1, 0 }, lines.Select(l => l.GetProperty("Errors").GetInt32()));
        Assert.Equal(failed.Error!.ErrorType, lines[0].GetProperty("errorType").GetString());
        Assert.Equal("System.InvalidOperationException", lines[0].GetProperty("errorType").GetString());
        Assert.Equal("Orders.OutOfStock", lines[1].GetProperty("errorType").GetString());
        Assert.False(lines[2].TryGetProperty("errorType", out _));
    }

    [Fact]
    public async Task Powertools_NamespaceAndService_AreHonoured()
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync(Some.Aws,
            Some.Env(("POWERTOOLS_METRICS_NAMESPACE", "Shop"), ("POWERTOOLS_SERVICE_NAME", "checkout")));

        await h.InvokeAsync();

        JsonElement doc = Assert.Single(h.Lines);
        JsonElement directive = doc.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("Shop", directive.GetProperty("Namespace").GetString());
        Assert.Equal("service", directive.GetProperty("Dimensions")[0][0].GetString());
        Assert.Equal("checkout", doc.GetProperty("service").GetString());
    }

    [Fact]
    public async Task Settings_OurVariablesBeatPowertools_AndTheEnvironmentBeatsTheManifest()
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync(Some.Aws,
            Some.Env(("FAAS_METRICS_NAMESPACE", "Ours"), ("POWERTOOLS_METRICS_NAMESPACE", "Theirs"), ("POWERTOOLS_SERVICE_NAME", "from-env")),
            new Dictionary<string, string> { ["service"] = "from-manifest", ["namespace"] = "Manifest", ["dimensions"] = "stage=prod, team=payments" });

        await h.InvokeAsync();

        JsonElement doc = Assert.Single(h.Lines);
        JsonElement directive = doc.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("Ours", directive.GetProperty("Namespace").GetString());
        Assert.Equal("from-env", doc.GetProperty("service").GetString());
        Assert.Equal(new[] { "service", "stage", "team" }, directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("prod", doc.GetProperty("stage").GetString());
        Assert.Equal("payments", doc.GetProperty("team").GetString());
        AssertValidEmf(doc);
    }

    [Fact]
    public async Task Prefix_IsPutBeforeEveryMetricName()
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync(Some.Aws, settings: new Dictionary<string, string> { ["prefix"] = "Orders." });

        await h.InvokeAsync();

        JsonElement doc = Assert.Single(h.Lines);
        Assert.All(MetricNames(doc), name => Assert.StartsWith("Orders.", name));
        FakeClock.AssertAdvanced(12.5, doc.GetProperty("Orders.Duration").GetDouble());
        AssertValidEmf(doc);
    }

    [Fact]
    public async Task OuterLayersBeforeInvokeFails_TheInvocationIsStillRecorded_WithItsDuration()
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync(Some.Aws, configure: b =>
            b.Layers.Add(new ThrowingLayer(), new LayerOptions { Order = MetricsLayer.DefaultOrder - 1 }));

        InvocationResult result = await h.InvokeAsync();

        Assert.False(result.IsSuccess);
        JsonElement doc = Assert.Single(h.Lines);
        AssertValidEmf(doc);
        Assert.Equal(1, doc.GetProperty("Errors").GetInt32());
        Assert.Equal("System.InvalidOperationException", doc.GetProperty("errorType").GetString());
        // The duration runs from the runtime's start of the invocation, which the outer layer's failure does not hide.
        Assert.True(doc.GetProperty("Duration").GetDouble() >= 0);
        Assert.Contains("Duration", MetricNames(doc));
    }

    [Fact]
    public async Task Memory_OffLeavesItOut_RssReadsTheWorkingSet()
    {
        await using MetricsHarness off = await MetricsHarness.StartAsync(Some.Aws, Some.Env(("FAAS_METRICS_MEMORY", "off")));
        await using MetricsHarness rss = await MetricsHarness.StartAsync(Some.Aws, settings: new Dictionary<string, string> { ["memory"] = "rss" });

        await off.InvokeAsync();
        await rss.InvokeAsync();

        JsonElement withoutMemory = Assert.Single(off.Lines);
        Assert.DoesNotContain("MemoryUsed", MetricNames(withoutMemory));
        Assert.False(withoutMemory.TryGetProperty("MemoryUsed", out _));
        Assert.True(Assert.Single(rss.Lines).GetProperty("MemoryUsed").GetInt64() > 1024 * 1024);
    }

    /// <summary>
    /// What CloudWatch checks in an EMF document: _aws with a numeric Timestamp and a CloudWatchMetrics array of directives,
    /// each with a namespace, dimension sets of at most 30 names that are string members of the document, and at most 100
    /// metrics with names of 1 to 255 characters, a known unit and a numeric member.
    /// </summary>
    private static void AssertValidEmf(JsonElement doc)
    {
        JsonElement aws = doc.GetProperty("_aws");
        Assert.Equal(JsonValueKind.Number, aws.GetProperty("Timestamp").ValueKind);
        JsonElement directives = aws.GetProperty("CloudWatchMetrics");
        Assert.Equal(JsonValueKind.Array, directives.ValueKind);
        foreach (JsonElement directive in directives.EnumerateArray())
        {
            string ns = directive.GetProperty("Namespace").GetString()!;
            Assert.InRange(ns.Length, 1, 255);
            foreach (JsonElement set in directive.GetProperty("Dimensions").EnumerateArray())
            {
                Assert.InRange(set.GetArrayLength(), 1, 30);
                foreach (JsonElement dimension in set.EnumerateArray())
                {
                    Assert.Equal(JsonValueKind.String, doc.GetProperty(dimension.GetString()!).ValueKind);
                }
            }
            JsonElement metrics = directive.GetProperty("Metrics");
            Assert.InRange(metrics.GetArrayLength(), 1, 100);
            foreach (JsonElement metric in metrics.EnumerateArray())
            {
                string name = metric.GetProperty("Name").GetString()!;
                Assert.InRange(name.Length, 1, 255);
                Assert.Contains(metric.GetProperty("Unit").GetString(), new[] { "Count", "Milliseconds", "Bytes" });
                Assert.Equal(JsonValueKind.Number, doc.GetProperty(name).ValueKind);
            }
        }
    }

    private static List<string> MetricNames(JsonElement doc) =>
        doc.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray()
            .Select(m => m.GetProperty("Name").GetString()!).ToList();

    private sealed class ThrowingLayer : FaaSLayer
    {
        public override string Name => "auth";

        public override void Configure(LayerContext context) => context.AddHook(new ThrowingHook());
    }

    private sealed class ThrowingHook : RuntimeHook
    {
        public ThrowingHook() : base("auth", HookPhases.BeforeInvoke)
        {
        }

        public override ValueTask BeforeInvokeAsync(FaaSContext context) => throw new InvalidOperationException("no token");
    }
}
