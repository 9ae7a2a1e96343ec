using System.Linq;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

/// <summary>
/// Azure generator. The golden files under golden/azure/ were reviewed by hand once against the documented schema:
/// custom handlers: https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers; host.json:
/// https://learn.microsoft.com/azure/azure-functions/functions-host-json; bindings: functions-bindings-http-webhook-trigger,
/// functions-bindings-timer (NCRONTAB), functions-bindings-storage-blob-trigger, functions-bindings-storage-queue-trigger.
/// </summary>
public sealed class AzureFunctionsGeneratorTests
{
    private const CloudPlatform Cloud = CloudPlatform.Azure;

    [Fact]
    public void Generate_GroupOfThreeAndLoneFunction_MatchesGolden()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Aggregated);

        // A group's paths and methods are routed inside the bootstrap, so nothing is lost on any cloud.
        Assert.Empty(result.Diagnostics);
        Golden.Verify("azure", "aggregated", result);
    }

    [Fact]
    public void Generate_EveryEventAndSettingAsWarnings_MatchesGoldenWithWarnings()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Everything, Samples.Options(Cloud, unsupportedAsWarnings: true));

        Assert.False(result.HasErrors);
        Golden.Verify("azure", "everything", result);
    }

    [Fact]
    public void Generate_UnsupportedField_ErrorAtTheFieldsLine()
    {
        GeneratedFiles result = Samples.Generate(Cloud, Samples.Everything);

        Assert.True(result.HasErrors);
        int line = Samples.LineOf(Cloud, Samples.Everything, "memorySize:");
        Assert.Contains(result.Diagnostics, d => d.Severity == SpecSeverity.Error && d.Location.Line == line && d.Message.StartsWith("'memorySize':", System.StringComparison.Ordinal));
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
