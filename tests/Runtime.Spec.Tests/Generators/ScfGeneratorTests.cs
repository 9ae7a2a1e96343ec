using System.Linq;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

/// <summary>
/// Tencent generator. The golden files under golden/tencent/ were reviewed by hand once against the documented schema:
/// scf component: https://github.com/serverless-components/tencent-scf/blob/master/docs/configure.md; cron:
/// https://cloud.tencent.com/document/product/583/9708.
/// </summary>
public sealed class ScfGeneratorTests
{
    private const CloudPlatform Cloud = CloudPlatform.Tencent;

    [Fact]
    public void Generate_GroupOfThreeAndLoneFunction_MatchesGolden()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Aggregated);

        // A group's paths and methods are routed inside the bootstrap, so nothing is lost on any cloud.
        Assert.Empty(result.Diagnostics);
        Golden.Verify("tencent", "aggregated", result);
    }

    [Fact]
    public void Generate_EveryEventAndSettingAsWarnings_MatchesGoldenWithWarnings()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Everything, Samples.Options(Cloud, unsupportedAsWarnings: true));

        Assert.False(result.HasErrors);
        Golden.Verify("tencent", "everything", result);
    }

    [Fact]
    public void Generate_UnsupportedField_ErrorAtTheFieldsLine()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Everything);

        Assert.True(result.HasErrors);
        int line = Samples.LineOf(Cloud, Samples.Everything, "concurrency:");
        Assert.Contains(result.Diagnostics, d => d.Severity == SpecSeverity.Error && d.Location.Line == line && d.Message.StartsWith("'concurrency':", System.StringComparison.Ordinal));
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
