using System.Linq;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

/// <summary>
/// An aggregated instance routes a non-HTTP event by the trigger name it carries (light-runtime TriggerNameReader), so an
/// event a cloud delivers without one cannot reach a grouped function: reported, never deployed to fail silently.
/// </summary>
public sealed class GroupRoutingTests
{
    private const string Spec = """
        service: shop
        provider:
          {provider}
        functions:
          api:
            events:
              - http: { path: /api, method: GET }
          thumbs:
            events:
              - os: { bucket: photos }
          tick:
            events:
              - timer: { rate: 5m }
        aggregation:
          all:
            functions: [api, thumbs, tick]
        """;

    [Theory]
    [InlineData(CloudPlatform.Aws)]
    [InlineData(CloudPlatform.Tencent)]
    [InlineData(CloudPlatform.Alibaba)]
    [InlineData(CloudPlatform.Huawei)]
    public void StorageEventInAGroup_IsAnErrorAtTheEvent_TimersAreFine(CloudPlatform cloud)
    {
        GeneratedFiles result = Samples.Generate(cloud, Spec);

        SpecDiagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal(SpecSeverity.Error, error.Severity);
        Assert.Equal(Samples.LineOf(cloud, Spec, "- os:"), error.Location.Line);
        Assert.StartsWith("'os': ", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("delivers 'os' events without a trigger name, so aggregation group 'all' cannot route them to 'thumbs' (deploy it alone)", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void StorageEventInAGroup_AsWarning_SaysWhatWillHappen()
    {
        GeneratedFiles result = Samples.Generate(CloudPlatform.Aws, Spec, Samples.Options(CloudPlatform.Aws, unsupportedAsWarnings: true));

        SpecDiagnostic warning = Assert.Single(result.Diagnostics);
        Assert.Equal(SpecSeverity.Warning, warning.Severity);
        Assert.EndsWith("wrote the trigger anyway; each of its events will fail with Runtime.NoRoute.", warning.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void StorageEventOfALoneFunction_IsFine()
    {
        GeneratedFiles result = Samples.Generate(CloudPlatform.Aws, Spec.Replace("[api, thumbs, tick]", "[api, tick]", System.StringComparison.Ordinal));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Azure_EveryTriggerIsItsOwnFunction_SoEveryEventRoutes()
    {
        GeneratedFiles result = Samples.Generate(CloudPlatform.Azure, Spec);

        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("without a trigger name", System.StringComparison.Ordinal));
    }
}
