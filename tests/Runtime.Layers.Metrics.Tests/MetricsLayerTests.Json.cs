using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Layers.Metrics.Tests;

public sealed partial class MetricsLayerTests
{
    [Theory]
    [InlineData("alibaba-fc")]
    [InlineData("scf")]
    [InlineData("huawei")]
    [InlineData("azure")]
    [InlineData("cloudrun")]
    public async Task Json_OnOtherPlatforms_WritesOneFlatLine(string platform)
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync(platform);

        await h.InvokeAsync("req-1");
        await h.InvokeAsync("req-2");

        IReadOnlyList<JsonElement> lines = h.Lines;
        Assert.Equal(2, lines.Count);
        JsonElement cold = lines[0];
        Assert.Equal(
            new[] { "timestamp", "requestId", "function", "platform", "service", "coldStart", "initDurationMs", "durationMs", "success", "memoryBytes" },
            cold.EnumerateObject().Select(p => p.Name));
        Assert.All(cold.EnumerateObject(), p => Assert.NotEqual(JsonValueKind.Object, p.Value.ValueKind));
        Assert.Equal("2026-03-14T15:09:26.535Z", cold.GetProperty("timestamp").GetString());
        Assert.Equal("req-1", cold.GetProperty("requestId").GetString());
        Assert.Equal("orders-fn", cold.GetProperty("function").GetString());
        Assert.Equal(platform, cold.GetProperty("platform").GetString());
        Assert.Equal("orders-fn", cold.GetProperty("service").GetString());
        Assert.True(cold.GetProperty("coldStart").GetBoolean());
        FakeClock.AssertAdvanced(40.0, cold.GetProperty("initDurationMs").GetDouble());
        FakeClock.AssertAdvanced(12.5, cold.GetProperty("durationMs").GetDouble());
        Assert.True(cold.GetProperty("success").GetBoolean());
        Assert.True(cold.GetProperty("memoryBytes").GetInt64() > 0);

        JsonElement warm = lines[1];
        Assert.False(warm.GetProperty("coldStart").GetBoolean());
        Assert.False(warm.TryGetProperty("initDurationMs", out _));
    }

    [Fact]
    public async Task Json_FailedInvocation_HasSuccessFalseAndTheErrorType()
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync("alibaba-fc", handler: (_, _) => throw new TimeoutException("slow"));

        await h.InvokeAsync();

        JsonElement line = Assert.Single(h.Lines);
        Assert.False(line.GetProperty("success").GetBoolean());
        Assert.Equal("System.TimeoutException", line.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task Format_OverrideWins_JsonOnAws_EmfElsewhere()
    {
        await using MetricsHarness jsonOnAws = await MetricsHarness.StartAsync(Some.Aws, Some.Env(("FAAS_METRICS_FORMAT", "json")));
        await using MetricsHarness emfOnFc = await MetricsHarness.StartAsync("alibaba-fc", settings: new Dictionary<string, string> { ["format"] = "EMF" });

        await jsonOnAws.InvokeAsync();
        await emfOnFc.InvokeAsync();

        Assert.False(Assert.Single(jsonOnAws.Lines).TryGetProperty("_aws", out _));
        Assert.True(Assert.Single(emfOnFc.Lines).TryGetProperty("_aws", out _));
    }

    [Fact]
    public async Task Json_DimensionsAreFlatFields_AndStringsAreEscaped()
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync("cloudrun", Some.Env(("FAAS_METRICS_DIMENSIONS", "stage=prod \"blue\"")));

        await h.InvokeAsync("id-with-\"quote\"-and-\\");

        JsonElement line = Assert.Single(h.Lines);
        Assert.Equal("prod \"blue\"", line.GetProperty("stage").GetString());
        Assert.Equal("id-with-\"quote\"-and-\\", line.GetProperty("requestId").GetString());
    }
}
