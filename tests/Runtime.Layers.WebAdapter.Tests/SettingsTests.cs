using System.Collections.Generic;
using System.Threading.Tasks;
using Runtime.Engine.Lifecycle;
using Runtime.Layers.WebAdapter.Tests.Support;
using Xunit;

namespace Runtime.Layers.WebAdapter.Tests;

/// <summary>A bad setting fails RuntimeStart once, naming the layer and the variable or manifest key.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("AWS_LWA_PORT", "eighty")]
    [InlineData("PORT", "70000")]
    [InlineData("AWS_LWA_READINESS_CHECK_HEALTHY_STATUS", "200-abc")]
    [InlineData("AWS_LWA_READINESS_CHECK_HEALTHY_STATUS", "399-200")]
    [InlineData("AWS_LWA_READINESS_CHECK_PROTOCOL", "udp")]
    [InlineData("AWS_LWA_READINESS_CHECK_PATH", "health")]
    [InlineData("AWS_LWA_READINESS_CHECK_TIMEOUT_SECONDS", "10s")]
    [InlineData("AWS_LWA_ASYNC_INIT", "maybe")]
    [InlineData("AWS_LWA_ERROR_STATUS_CODES", "5xx")]
    [InlineData("AWS_LWA_INVOKE_MODE", "stream")]
    [InlineData("AWS_LWA_PASS_THROUGH_PATH", "events")]
    [InlineData("AWS_LWA_ENABLE_COMPRESSION", "gzip")]
    [InlineData("AWS_LWA_POOL_IDLE_TIMEOUT_SECONDS", "-1")]
    [InlineData("FAAS_WEBAPP_READINESS_INTERVAL_MS", "0")]
    public async Task BadEnvironmentValue_FailsRuntimeStartNamingLayerAndVariable(string variable, string value)
    {
        (System.Exception failure, _, _) = await AdapterHarness.StartFailingAsync(new Dictionary<string, string> { [variable] = value });

        LifecyclePhaseException start = Assert.IsType<LifecyclePhaseException>(failure);
        Assert.Equal(LifecyclePhase.RuntimeStart, start.Phase);
        Assert.Equal("layer 'web-adapter'", start.Source);
        Assert.Equal("Runtime.ConfigInvalid", start.ErrorType);
        Assert.Contains($"Layer 'web-adapter': {variable} is '{value}', not ", start.Message);
    }

    [Fact]
    public async Task BadManifestValue_NamesTheManifestKey()
    {
        (System.Exception failure, _, _) = await AdapterHarness.StartFailingAsync(new Dictionary<string, string>(),
            new Dictionary<string, string> { ["readinessHealthyStatus"] = "fine" });

        Assert.Contains("Layer 'web-adapter': setting 'readinessHealthyStatus' is 'fine', not a list of HTTP status codes", failure.Message);
    }

    [Fact]
    public async Task OurVariable_WinsOverLwas_WhichWinsOverTheManifest()
    {
        (System.Exception failure, _, _) = await AdapterHarness.StartFailingAsync(
            new Dictionary<string, string> { ["FAAS_WEBAPP_PORT"] = "x", ["AWS_LWA_PORT"] = "y" },
            new Dictionary<string, string> { ["port"] = "z" });

        Assert.Contains("FAAS_WEBAPP_PORT is 'x'", failure.Message);
    }

    [Fact]
    public async Task OnCloudRun_TheBootstrapsPort_IsNotTheAppsPort()
    {
        (System.Exception failure, _, _) = await AdapterHarness.StartFailingAsync(new Dictionary<string, string> { ["PORT"] = "8080" },
            platform: "cloud-run");

        Assert.Equal("Runtime.ConfigInvalid", Assert.IsType<LifecyclePhaseException>(failure).ErrorType);
        Assert.Contains("Layer 'web-adapter': the app's port 8080 (the default) is the port the bootstrap itself serves on cloud-run (PORT)", failure.Message);
    }
}
