using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Runtime.ColdStart.Tests;

public sealed class PeersReportTests
{
    [Fact]
    public void Rows_PeerAndEchoOnOnePlatform_RatiosAgainstThatPlatformsEcho()
    {
        ColdStartReport report = Some.Report(
            Some.Result("scf", "echo", 4, 20),
            Some.Result("scf", "floor", 3, 15),
            Some.Result("scf", "midway-scf", 80, 120),
            Some.Result("fc", "echo", 5, 30));

        IReadOnlyList<PeerRow> rows = PeersReport.Rows(report);

        Assert.Equal(new[] { "scf / echo", "scf / midway-scf", "fc / echo" }, rows.Select(static r => r.Label));
        PeerRow midway = rows[1];
        Assert.Equal(20, midway.ReadyVersusEcho);
        Assert.Equal(6, midway.WarmP50VersusEcho);
        Assert.Equal(26.67, midway.ReadyVersusFloor);
        Assert.Equal(8, midway.WarmP50VersusFloor);
        Assert.Equal(2.0, midway.RssMiB);
    }

    [Fact]
    public void Verdicts_WithAFloor_SayWhatTheFloorReaches_WithoutOne_SayNothingOfIt()
    {
        ColdStartReport report = Some.Report(
            Some.Result("fc", "echo", 4, 30),
            Some.Result("fc", "floor", 3, 15),
            Some.Result("fc", "midway-fc", 80, 60),
            Some.Result("scf", "echo", 4, 20),
            Some.Result("scf", "midway-scf", 80, 60));

        IReadOnlyList<string> verdicts = PeersReport.Verdicts(PeersReport.Rows(report));

        Assert.Contains("the floor, a program that only speaks the protocol, reaches 26.7× and 4.0×", verdicts[0]);
        Assert.DoesNotContain("floor", verdicts[1]);
    }

    [Fact]
    public void Verdicts_StarterAtAndBelowTheBars_SaysMetAndNotMet()
    {
        ColdStartReport report = Some.Report(
            Some.Result("scf", "echo", 4, 20),
            Some.Result("scf", "midway-scf", 80, 60),
            Some.Result("fc", "echo", 4, 20),
            Some.Result("fc", "midway-fc", 40, 100));

        IReadOnlyList<string> verdicts = PeersReport.Verdicts(PeersReport.Rows(report));

        Assert.Equal(2, verdicts.Count);
        Assert.Contains("exec→ready 20.0×", verdicts[0]);
        Assert.Contains("bar ≥ 20×: met", verdicts[0]);
        Assert.Contains("bar ≥ 5×: NOT met", verdicts[0]);
        Assert.Contains("bar ≥ 20×: NOT met", verdicts[1]);
        Assert.Contains("bar ≥ 5×: met", verdicts[1]);
    }
}
