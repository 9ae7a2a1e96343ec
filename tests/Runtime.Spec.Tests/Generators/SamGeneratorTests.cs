using System.Linq;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

/// <summary>
/// Aws generator. The golden files under golden/aws/ were reviewed by hand once against the documented schema:
/// AWS SAM: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html,
/// sam-property-function-httpapi.html, -api.html, -schedule.html, -s3.html, -sqs.html, -cloudwatchlogs.html, and
/// sam-resource-layerversion.html; cron dialect: https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html.
/// </summary>
public sealed class SamGeneratorTests
{
    private const CloudPlatform Cloud = CloudPlatform.Aws;

    [Fact]
    public void Generate_GroupOfThreeAndLoneFunction_MatchesGolden()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Aggregated);

        // A group's paths and methods are routed inside the bootstrap, so nothing is lost on any cloud.
        Assert.Empty(result.Diagnostics);
        Golden.Verify("aws", "aggregated", result);
    }

    [Fact]
    public void Generate_EveryEventAndSettingAsWarnings_MatchesGoldenWithWarnings()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Everything, Samples.Options(Cloud, unsupportedAsWarnings: true));

        Assert.False(result.HasErrors);
        Golden.Verify("aws", "everything", result);
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
