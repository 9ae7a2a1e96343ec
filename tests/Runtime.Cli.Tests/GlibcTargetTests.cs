using Runtime.Cli.Packaging;
using Runtime.Spec.Model;
using Runtime.Spec.Packaging;
using Xunit;

namespace Runtime.Cli.Tests;

public sealed class GlibcTargetTests
{
    [Theory]
    [InlineData(CloudPlatform.Aws, "2.34")]
    [InlineData(CloudPlatform.Alibaba, "2.36")]
    [InlineData(CloudPlatform.Knative, "2.36")]
    public void Check_NeedsExactlyTheTarget_Passes(CloudPlatform platform, string version)
    {
        Report report = Check(version, platform, target: null);

        Assert.Empty(report.Lines);
    }

    [Fact]
    public void Check_TooNewForAws_ErrorNamesBothVersions()
    {
        Report report = Check("2.35", CloudPlatform.Aws, target: null);

        Assert.True(report.HasErrors);
        string line = Assert.Single(report.Lines);
        Assert.Contains("/bootstrap: error: the bootstrap needs glibc 2.35 (GLIBC_2.35) but aws (AWS Lambda provided.al2023) has glibc 2.34", line);
    }

    [Theory]
    [InlineData(CloudPlatform.Tencent)]
    [InlineData(CloudPlatform.Huawei)]
    [InlineData(CloudPlatform.Azure)]
    public void Check_UndocumentedCloud_WarnsUnchecked(CloudPlatform platform)
    {
        Report report = Check("2.34", platform, target: null);

        Assert.False(report.HasErrors);
        Assert.Contains("/bootstrap: warning: the bootstrap needs glibc 2.34", Assert.Single(report.Lines));
        Assert.Contains("--target-glibc", report.Lines[0]);
    }

    [Fact]
    public void Check_TargetGiven_ChecksAgainstIt()
    {
        Assert.Empty(Check("2.28", CloudPlatform.Tencent, new GlibcVersion(2, 28)).Lines);
        Assert.Contains("but --target-glibc is 2.17", Assert.Single(Check("2.28", CloudPlatform.Tencent, new GlibcVersion(2, 17)).Lines));
        // The user's target wins over the documented one (e.g. a base image other than ours).
        Assert.True(Check("2.34", CloudPlatform.Knative, new GlibcVersion(2, 31)).HasErrors);
    }

    private static Report Check(string needed, CloudPlatform platform, GlibcVersion? target)
    {
        using var temp = new TempDirectory();
        string path = temp.Write("bootstrap", ElfFixture.Build(["GLIBC_2.2.5", "GLIBC_" + needed]));
        BootstrapImage image = BootstrapImage.TryRead(path, out string? error) ?? throw new Xunit.Sdk.XunitException(error);
        var report = new Report();
        GlibcTarget.Check(image, platform, PlatformNames.Of(platform), target, report);
        return report;
    }
}
