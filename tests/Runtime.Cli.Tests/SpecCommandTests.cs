using System.IO;
using Xunit;

namespace Runtime.Cli.Tests;

public sealed class SpecCommandTests
{
    [Fact]
    public void Spec_Valid_WritesTheDeploymentFileAndExits0()
    {
        using var temp = new TempDirectory();
        string spec = Some.Service(temp);

        CliResult result = CliRunner.Run("spec", "--platform", "aws", "--file", spec, "--out", temp.Combine("out"));

        Assert.True(result.Code == 0, result.ToString());
        Assert.Equal("", result.Error);
        string template = temp.Combine("out", "template.yaml");
        Assert.Equal($"wrote {template}\n", result.Output.ReplaceLineEndings("\n"));
        // faas spec points at dist/, where faas package writes by default.
        Assert.Contains("CodeUri: dist/api\n", File.ReadAllText(template));
    }

    [Fact]
    public void Spec_NoPlatform_TakesProviderNameFromFyml()
    {
        using var temp = new TempDirectory();

        CliResult result = CliRunner.Run("spec", "--file", Some.Service(temp), "--out", temp.Combine("out"));

        Assert.True(result.Code == 0, result.ToString());
        Assert.True(File.Exists(temp.Combine("out", "template.yaml")));
    }

    [Fact]
    public void Spec_BadFyml_CompilerStyleErrorsExit1NothingWritten()
    {
        using var temp = new TempDirectory();
        string spec = temp.Write("f.yml", """
            service: shop
            provider:
              name: aws
              timeout: soon
            functions:
              hello:
                events:
                  - http:
                      path: hello
            """.ReplaceLineEndings("\n"));

        CliResult result = CliRunner.Run("spec", "--platform", "aws", "--file", spec, "--out", temp.Combine("out"));

        Assert.Equal(1, result.Code);
        string[] lines = result.Error.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{spec}:4:12: error: ", lines[0]);
        Assert.StartsWith($"{spec}:9:17: error: ", lines[1]);
        Assert.Equal("", result.Output);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public void Spec_NotYaml_ErrorWithPosition()
    {
        using var temp = new TempDirectory();
        string spec = temp.Write("f.yml", "service: [shop\n");

        CliResult result = CliRunner.Run("spec", "--platform", "aws", "--file", spec, "--out", temp.Combine("out"));

        Assert.Equal(1, result.Code);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(spec)}:\\d+:\\d+: error: ", result.Error);
    }

    [Fact]
    public void Spec_MissingFile_ErrorNamesIt()
    {
        using var temp = new TempDirectory();
        string spec = temp.Combine("nope.yml");

        CliResult result = CliRunner.Run("spec", "--platform", "aws", "--file", spec);

        Assert.Equal(1, result.Code);
        Assert.StartsWith($"{spec}: error: cannot read the file:", result.Error);
    }

    [Fact]
    public void Spec_UnsupportedOnTheCloud_ErrorUnlessWarnUnsupported()
    {
        using var temp = new TempDirectory();
        string spec = Some.Service(temp, Some.ServiceYaml.Replace("  name: aws\n", "  name: aws\n  concurrency: 4\n"));

        CliResult refused = CliRunner.Run("spec", "--platform", "aws", "--file", spec, "--out", temp.Combine("refused"));
        CliResult warned = CliRunner.Run("spec", "--platform", "aws", "--file", spec, "--out", temp.Combine("warned"), "--warn-unsupported");

        Assert.Equal(1, refused.Code);
        Assert.StartsWith($"{spec}:4:16: error: 'concurrency':", refused.Error);
        Assert.False(Directory.Exists(temp.Combine("refused")));
        Assert.True(warned.Code == 0, warned.ToString());
        Assert.StartsWith($"{spec}:4:16: warning: 'concurrency':", warned.Error);
        Assert.True(File.Exists(temp.Combine("warned", "template.yaml")));
    }

    [Fact]
    public void Spec_UnknownPlatform_UsageErrorListsThePlatforms()
    {
        using var temp = new TempDirectory();

        CliResult result = CliRunner.Run("spec", "--platform", "gcp", "--file", Some.Service(temp));

        Assert.Equal(1, result.Code);
        Assert.Contains("'gcp' is not a platform; use one of aws, tencent, alibaba, huawei, azure, knative.", result.Error);
    }

    [Theory]
    [InlineData("tencent", "api/serverless.yml")]
    [InlineData("alibaba", "s.yaml")]
    [InlineData("huawei", "s.yaml")]
    [InlineData("azure", "shop-dev-nightly/host.json")]
    [InlineData("knative", "service.yaml")]
    public void Spec_EachCloud_WritesItsFiles(string platform, string file)
    {
        using var temp = new TempDirectory();

        CliResult result = CliRunner.Run(["spec", "--platform", platform, "--file", Some.Service(temp), "--out", temp.Combine("out"), .. Some.LayerReferences]);

        Assert.True(result.Code == 0, result.ToString());
        Assert.True(File.Exists(temp.Combine("out", file)));
    }

    [Fact]
    public void Spec_LayerReferenceMalformed_UsageError()
    {
        using var temp = new TempDirectory();

        CliResult result = CliRunner.Run("spec", "--platform", "tencent", "--file", Some.Service(temp), "--layer-ref", "metrics");

        Assert.Equal(1, result.Code);
        Assert.Contains("--layer-ref takes name=reference; got 'metrics'.", result.Error);
    }
}
