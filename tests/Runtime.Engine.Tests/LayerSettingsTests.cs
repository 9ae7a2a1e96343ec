using System.Collections.Generic;
using Runtime.Engine.Layers;
using Xunit;

namespace Runtime.Engine.Tests;

public sealed class LayerSettingsTests
{
    private static LayerSettings Settings(Dictionary<string, string> environment) =>
        new("web-adapter", new Dictionary<string, string> { ["port"] = "8080", ["readinessPath"] = "/" }, name => environment.GetValueOrDefault(name));

    [Theory]
    [InlineData("web-adapter", "readinessPath", "FAAS_LAYER_WEB_ADAPTER_READINESSPATH")]
    [InlineData("metrics", "memory", "FAAS_LAYER_METRICS_MEMORY")]
    [InlineData("a.b", "x-y_z", "FAAS_LAYER_A_B_X_Y_Z")]
    public void EnvironmentName_IsUpperCaseWithUnderscores(string layer, string key, string expected)
    {
        Assert.Equal(expected, LayerSettings.EnvironmentName(layer, key));
    }

    [Fact]
    public void Get_ManifestSetting_WhenNothingIsInTheEnvironment()
    {
        Assert.Equal("8080", Settings(new()).Get("port", "AWS_LWA_PORT"));
    }

    [Fact]
    public void Get_DeployedSetting_OverridesTheManifest()
    {
        var environment = new Dictionary<string, string> { ["FAAS_LAYER_WEB_ADAPTER_PORT"] = "9000" };

        Assert.Equal("9000", Settings(environment).Get("port", "AWS_LWA_PORT"));
    }

    [Fact]
    public void Get_NamedVariable_OverridesTheDeployedSetting()
    {
        var environment = new Dictionary<string, string> { ["FAAS_LAYER_WEB_ADAPTER_PORT"] = "9000", ["AWS_LWA_PORT"] = "7000" };

        Assert.Equal("7000", Settings(environment).Get("port", "AWS_LWA_PORT"));
    }
}
