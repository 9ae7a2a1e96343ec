using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Layers;
using Runtime.Engine.Lifecycle;
using Serilog;
using Xunit;

namespace Runtime.Layers.Metrics.Tests;

public sealed partial class MetricsLayerTests
{
    public static TheoryData<string, string, string, string> BadSettings() => new()
    {
        // setting or variable, value, what the error must name, what it must say
        { "dimensions", Some.Dimensions(30), "'dimensions (or FAAS_METRICS_DIMENSIONS)'", "31 dimensions (service included); CloudWatch EMF takes at most 30" },
        { "FAAS_METRICS_DIMENSIONS", new string('n', 256) + "=v", "'dimensions (or FAAS_METRICS_DIMENSIONS)'", "dimension name 256 characters long" },
        { "dimensions", "stage=" + new string('v', 1025), "'dimensions (or FAAS_METRICS_DIMENSIONS)'", "value 1025 characters long" },
        { "dimensions", ":stage=prod", "'dimensions (or FAAS_METRICS_DIMENSIONS)'", "starts with ':'" },
        { "dimensions", "my stage=prod", "'dimensions (or FAAS_METRICS_DIMENSIONS)'", "not printable ASCII" },
        { "dimensions", "Duration=x", "'dimensions (or FAAS_METRICS_DIMENSIONS)'", "'Duration', which the metrics line already uses" },
        { "dimensions", "requestId=x", "'dimensions (or FAAS_METRICS_DIMENSIONS)'", "'requestId', which the metrics line already uses" },
        { "dimensions", "service=x", "'dimensions (or FAAS_METRICS_DIMENSIONS)'", "'service (or FAAS_METRICS_SERVICE, POWERTOOLS_SERVICE_NAME)'" },
        { "dimensions", "a=1,a=2", "'dimensions (or FAAS_METRICS_DIMENSIONS)'", "names the dimension 'a' twice" },
        { "dimensions", "stage", "'dimensions (or FAAS_METRICS_DIMENSIONS)'", "not name=value" },
        { "POWERTOOLS_SERVICE_NAME", new string('s', 1025), "'service (or FAAS_METRICS_SERVICE, POWERTOOLS_SERVICE_NAME)'", "value 1025 characters long" },
        { "prefix", new string('p', 250), "'prefix (or FAAS_METRICS_PREFIX)'", "characters long; CloudWatch metric names are 1 to 255 characters" },
        { "POWERTOOLS_METRICS_NAMESPACE", new string('n', 256), "'namespace (or FAAS_METRICS_NAMESPACE, POWERTOOLS_METRICS_NAMESPACE)'", "256 characters long" },
        { "namespace", "AWS/Lambda", "'namespace (or FAAS_METRICS_NAMESPACE, POWERTOOLS_METRICS_NAMESPACE)'", "starts with 'AWS/'" },
        { "namespace", "Shop{prod}", "'namespace (or FAAS_METRICS_NAMESPACE, POWERTOOLS_METRICS_NAMESPACE)'", "has the character '{'" },
        { "format", "xml", "'format (or FAAS_METRICS_FORMAT)'", "is 'xml', not auto, emf or json" },
        { "FAAS_METRICS_MEMORY", "lots", "'memory (or FAAS_METRICS_MEMORY)'", "is 'lots', not heap, rss or off" },
        { "disabled", "maybe", "'disabled (or FAAS_METRICS_DISABLED, POWERTOOLS_METRICS_DISABLED)'", "is 'maybe', not true or false" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadSetting_FailsRuntimeStartWithOneErrorNamingTheLayerAndTheSetting(string setting, string value, string names, string says)
    {
        bool isVariable = setting.ToUpperInvariant() == setting;
        var builder = new FunctionAppBuilder();
        builder.Layers.Add(new MetricsLayer(new RecordingStream(), new FakeClock()), new LayerOptions
        {
            Settings = isVariable ? new Dictionary<string, string>() : new Dictionary<string, string> { [setting] = value },
        });
        builder.Functions.AddRaw("fn", _ => default);
        await using var runtime = new FunctionRuntime(builder, Some.Function(), new LoggerConfiguration().CreateLogger(), null, false,
            name => isVariable && name == setting ? value : null);

        LifecyclePhaseException ex = await Assert.ThrowsAsync<LifecyclePhaseException>(() => runtime.StartRuntimeAsync());

        Assert.Equal("layer 'metrics'", ex.Source);
        Assert.Equal("Runtime.ConfigInvalid", ex.ErrorType);
        LayerConfigurationException config = Assert.IsType<LayerConfigurationException>(ex.InnerException);
        Assert.Equal("metrics", config.LayerName);
        Assert.StartsWith("Layer 'metrics': " + names, config.Message);
        Assert.Contains(says, config.Message);
    }

    [Fact]
    public void MetricCount_Over100_IsOneErrorNamingTheLayerAndTheSetting()
    {
        EmfLimits.CheckMetricCount("metrics", "'prefix'", 100);

        LayerConfigurationException ex = Assert.Throws<LayerConfigurationException>(() => EmfLimits.CheckMetricCount("metrics", "'prefix'", 101));

        Assert.Equal("Layer 'metrics': 'prefix' gives 101 metrics in one document; CloudWatch EMF takes at most 100.", ex.Message);
    }

    [Fact]
    public async Task ThirtyDimensions_ServiceIncluded_AreAccepted()
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync(Some.Aws, Some.Env(("FAAS_METRICS_DIMENSIONS", Some.Dimensions(29))));

        await h.InvokeAsync();

        Assert.Equal(30, Assert.Single(h.Lines).GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions")[0].GetArrayLength());
    }

    [Theory]
    [InlineData("FAAS_METRICS_DISABLED")]
    [InlineData("POWERTOOLS_METRICS_DISABLED")]
    public async Task Disabled_WritesNothing(string variable)
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync(Some.Aws, Some.Env((variable, "true")));

        InvocationResult result = await h.InvokeAsync();

        Assert.True(result.IsSuccess);
        Assert.Empty(h.Output.Writes);
    }
}
