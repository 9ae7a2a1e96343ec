using System.IO;
using Xunit;

namespace Runtime.Cli.Tests;

public sealed partial class PackageCommandTests
{
    [Fact]
    public void Package_BootstrapNotElf_ErrorAndNothingWritten()
    {
        using var temp = new TempDirectory();
        string bootstrap = temp.Write("publish/Function.dll", "MZ\u0090 a managed assembly is not what the clouds can exec............");

        CliResult result = Package(temp, Some.Service(temp), bootstrap, "aws");

        Assert.Equal(1, result.Code);
        Assert.StartsWith($"{bootstrap}: error: not an ELF executable; --bootstrap takes the native executable", result.Error);
        Assert.False(Directory.Exists(temp.Combine("dist")));
    }

    [Fact]
    public void Package_BootstrapMissing_Error()
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), temp.Combine("publish", "bootstrap"), "aws");

        Assert.Equal(1, result.Code);
        Assert.Contains("error: cannot read the bootstrap:", result.Error);
    }

    [Fact]
    public void Package_GlibcTooNewForAws_ErrorNamesBothVersionsAndNothingWritten()
    {
        using var temp = new TempDirectory();
        string bootstrap = Some.Bootstrap(temp, "2.35");

        CliResult result = Package(temp, Some.Service(temp), bootstrap, "aws");

        Assert.Equal(1, result.Code);
        Assert.Contains($"{bootstrap}: error: the bootstrap needs glibc 2.35 (GLIBC_2.35) but aws (AWS Lambda provided.al2023) has glibc 2.34", result.Error);
        Assert.False(Directory.Exists(temp.Combine("dist")));
    }

    [Theory]
    [InlineData("alibaba")]
    [InlineData("knative")]
    public void Package_Glibc236Clouds_Accept236AndRefuse237(string platform)
    {
        using var temp = new TempDirectory();
        string spec = Some.Service(temp);

        Assert.Equal(0, Package(temp, spec, Some.Bootstrap(temp, "2.36"), platform).Code);
        CliResult refused = Package(temp, spec, Some.Bootstrap(temp, "2.37"), platform, "--out", temp.Combine("refused"));
        Assert.Equal(1, refused.Code);
        Assert.Contains("needs glibc 2.37 (GLIBC_2.37) but " + platform, refused.Error);
        Assert.Contains("has glibc 2.36", refused.Error);
        Assert.False(Directory.Exists(temp.Combine("refused")));
    }

    [Fact]
    public void Package_RealElf_OldEnoughGlibc_Passes()
    {
        // The dotnet host is a real executable built for old glibc (it runs on every supported distribution).
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), System.Environment.ProcessPath!, "aws");

        Assert.True(result.Code == 0, result.ToString());
        Assert.Equal(File.ReadAllBytes(System.Environment.ProcessPath!), new ZipContent(temp.Combine("dist", "nightly.zip")).Bytes("bootstrap"));
    }

    [Fact]
    public void Package_RealElf_TargetOlderThanItNeeds_Refused()
    {
        // /bin/ls on glibc systems asks for the glibc it was built against; no glibc ever shipped 2.0, so 2.0 is always too old.
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), "/bin/ls", "aws", "--target-glibc", "2.0");

        Assert.Equal(1, result.Code);
        Assert.Contains("/bin/ls: error: the bootstrap needs glibc 2.", result.Error);
        Assert.Contains("but --target-glibc is 2.0", result.Error);
    }

    [Theory]
    [InlineData("tencent")]
    [InlineData("huawei")]
    [InlineData("azure")]
    public void Package_UndocumentedGlibc_WarnsAndStillPackages(string platform)
    {
        using var temp = new TempDirectory();
        string bootstrap = Some.Bootstrap(temp);

        CliResult result = Package(temp, Some.Service(temp), bootstrap, platform);

        Assert.True(result.Code == 0, result.ToString());
        Assert.StartsWith($"{bootstrap}: warning: the bootstrap needs glibc 2.34 (GLIBC_2.34); {platform} does not document the glibc", result.Error);
        Assert.True(File.Exists(temp.Combine("dist", "nightly.zip")));
    }

    [Fact]
    public void Package_UndocumentedGlibc_TargetGiven_NoWarning()
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), Some.Bootstrap(temp), "tencent", "--target-glibc", "2.34");

        Assert.True(result.Code == 0, result.ToString());
        Assert.Equal("", result.Error);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("GLIBC_2.34")]
    [InlineData("two.thirty")]
    public void Package_TargetGlibcMalformed_UsageError(string value)
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), Some.Bootstrap(temp), "aws", "--target-glibc", value);

        Assert.Equal(1, result.Code);
        Assert.Contains($"--target-glibc takes a version like 2.34; got '{value}'.", result.Error);
    }

    [Fact]
    public void Package_LayerFolderMissing_ErrorAtTheLayersPathInFyml()
    {
        using var temp = new TempDirectory();
        string spec = Some.Service(temp);
        Directory.Delete(temp.Combine("layers", "tracing"), recursive: true);

        CliResult result = Package(temp, spec, Some.Bootstrap(temp), "aws");

        Assert.Equal(1, result.Code);
        // f.yml line 10, column 11: the value of the tracing layer's path.
        Assert.StartsWith($"{spec}:10:11: error: layer 'tracing': folder './layers/tracing' does not exist", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(temp.Combine("dist")));
    }

    [Fact]
    public void Package_LayerWithoutLayerJson_Error()
    {
        using var temp = new TempDirectory();
        string spec = Some.Service(temp);
        File.Delete(temp.Combine("layers", "metrics", "layer.json"));

        CliResult result = Package(temp, spec, Some.Bootstrap(temp), "aws");

        Assert.Equal(1, result.Code);
        // Both members of the group use the layer: still one message.
        Assert.Equal($"{spec}:6:11: error: layer 'metrics': folder './layers/metrics' has no layer.json, so the bootstrap would not load it (see docs/layer-abi.md)",
            result.Error.TrimEnd());
    }

    [Fact]
    public void Package_BadSpecAndBadBootstrap_ReportsBoth()
    {
        using var temp = new TempDirectory();
        string spec = temp.Write("f.yml", "service: Shop\nprovider:\n  name: aws\nfunctions:\n  hello: {}\n");
        string bootstrap = temp.Write("bootstrap", "not elf");

        CliResult result = Package(temp, spec, bootstrap, "aws");

        Assert.Equal(1, result.Code);
        Assert.Contains($"{spec}:1:10: error:", result.Error);
        Assert.Contains($"{bootstrap}: error: not an ELF executable", result.Error);
    }

    [Fact]
    public void Package_NoBootstrapOption_UsageError()
    {
        using var temp = new TempDirectory();

        CliResult result = CliRunner.Run("package", "--platform", "aws", "--file", Some.Service(temp));

        Assert.Equal(1, result.Code);
        Assert.Contains("--bootstrap", result.Error);
    }
}
