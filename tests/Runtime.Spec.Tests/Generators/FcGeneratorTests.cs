using System.Linq;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

/// <summary>
/// Alibaba generator. The golden files under golden/alibaba/ were reviewed by hand once against the documented schema:
/// Serverless Devs fc3: https://github.com/devsapp/fc3/blob/master/docs/zh/yaml/readme.md and docs/zh/yaml/triggers.md;
/// timer cron: https://www.alibabacloud.com/help/en/functioncompute/fc/time-triggers.
/// </summary>
public sealed class FcGeneratorTests
{
    private const CloudPlatform Cloud = CloudPlatform.Alibaba;

    [Fact]
    public void Generate_GroupOfThreeAndLoneFunction_MatchesGolden()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Aggregated);

        // A group's paths and methods are routed inside the bootstrap, so nothing is lost on any cloud.
        Assert.Empty(result.Diagnostics);
        Golden.Verify("alibaba", "aggregated", result);
    }

    [Fact]
    public void Generate_EveryEventAndSettingAsWarnings_MatchesGoldenWithWarnings()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Everything, Samples.Options(Cloud, unsupportedAsWarnings: true));

        Assert.False(result.HasErrors);
        Golden.Verify("alibaba", "everything", result);
    }

    [Fact]
    public void Generate_UnsupportedField_ErrorAtTheFieldsLine()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Everything);

        Assert.True(result.HasErrors);
        int line = Samples.LineOf(Cloud, Samples.Everything, "batchSize:");
        Assert.Contains(result.Diagnostics, d => d.Severity == SpecSeverity.Error && d.Location.Line == line && d.Message.StartsWith("'batchSize':", System.StringComparison.Ordinal));
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
