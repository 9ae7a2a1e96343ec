using System.Linq;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

/// <summary>
/// Huawei generator. The golden files under golden/huawei/ were reviewed by hand once against the documented schema:
/// fgs component: https://github.com/zy-linn/fgs-component/blob/main/docs/zh/yaml/function.md and trigger.md; cron:
/// https://support.huaweicloud.com/intl/en-us/usermanual-functiongraph/functiongraph_01_0908.html.
/// </summary>
public sealed class FunctionGraphGeneratorTests
{
    private const CloudPlatform Cloud = CloudPlatform.Huawei;

    [Fact]
    public void Generate_GroupOfThreeAndLoneFunction_MatchesGolden()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Aggregated);

        // A group's paths and methods are routed inside the bootstrap, so nothing is lost on any cloud.
        Assert.Empty(result.Diagnostics);
        Golden.Verify("huawei", "aggregated", result);
    }

    [Fact]
    public void Generate_EveryEventAndSettingAsWarnings_MatchesGoldenWithWarnings()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Everything, Samples.Options(Cloud, unsupportedAsWarnings: true));

        Assert.False(result.HasErrors);
        Golden.Verify("huawei", "everything", result);
    }

    [Fact]
    public void Generate_UnsupportedField_ErrorAtTheFieldsLine()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Everything);

        Assert.True(result.HasErrors);
        int line = Samples.LineOf(Cloud, Samples.Everything, "initTimeout:");
        Assert.Contains(result.Diagnostics, d => d.Severity == SpecSeverity.Error && d.Location.Line == line && d.Message.StartsWith("'initTimeout':", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == SpecSeverity.Warning);
    }

    [Fact]
    public void Generate_SameSpecTwice_SameBytes()
    {
        GeneratedFiles first = Samples.Generate(Cloud, Samples.Everything, Samples.Options(Cloud, unsupportedAsWarnings: true));
        GeneratedFiles second = Samples.Generate(Cloud, Samples.Everything, Samples.Options(Cloud, unsupportedAsWarnings: true));

        Assert.Equal(first.Files.Select(f => (f.Path, f.Content)), second.Files.Select(f => (f.Path, f.Content)));
    }
}
