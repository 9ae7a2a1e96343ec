using System.Linq;
using Xunit;

namespace Runtime.ColdStart.Tests;

public sealed class HarnessOptionsTests
{
    [Fact]
    public void TryParse_NoPeers_MeasuresNoPeer()
    {
        HarnessOptions options = HarnessOptions.TryParse(System.Array.Empty<string>(), out _)!;

        Assert.DoesNotContain(Subjects.Peers, s => options.Platforms.Any(p => options.Measures(s, p)));
        Assert.Equal(HarnessOptions.DefaultWarm, options.Warm);
    }

    [Fact]
    public void TryParse_Peers_EchoFloorAndEachPeerOnItsPlatform()
    {
        HarnessOptions options = HarnessOptions.TryParse(new[] { "--peers" }, out _)!;

        Assert.Equal(HarnessOptions.PeersPlatforms, options.Platforms);
        Assert.Equal(HarnessOptions.DefaultPeersWarm, options.Warm);
        string Measured(Platform platform) =>
            string.Join(",", Subjects.Everything.Where(s => options.Measures(s, platform)).Select(static s => s.Name));
        Assert.Equal("echo,floor,echo-jit,shell-curl", Measured(Platform.Aws));
        Assert.Equal("echo,floor,echo-jit,midway-scf", Measured(Platform.Scf));
        Assert.Equal("echo,floor,echo-jit,midway-fc", Measured(Platform.Fc));
    }

    [Fact]
    public void TryParse_DrainEvery_DefaultsToZero_TakesZeroToTen_RefusesMore()
    {
        Assert.Equal(0, HarnessOptions.TryParse(System.Array.Empty<string>(), out _)!.DrainEveryMs);
        Assert.Equal(1, HarnessOptions.TryParse(new[] { "--drain-every", "1" }, out _)!.DrainEveryMs);
        Assert.Null(HarnessOptions.TryParse(new[] { "--drain-every", "11" }, out string? error));
        Assert.Contains("--drain-every", error);
        Assert.Null(HarnessOptions.TryParse(new[] { "--drain-every" }, out _));
    }
}
