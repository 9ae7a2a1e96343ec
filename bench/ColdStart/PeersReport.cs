using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Runtime.ColdStart;

/// <summary>
/// The head of peers.md: one row per subject and platform (floors left out: they are in the detail table), each against
/// the native echo bootstrap on the same platform, and issue 6's bars for the Node.js starters.
/// </summary>
internal static class PeersReport
{
    /// <summary>Issue 6: the native bootstrap at least this many times faster to ready than the Node.js starter.</summary>
    public const double ReadyBar = 20;

    /// <summary>Issue 6: the Node.js starter's warm p50 at least this many times the native bootstrap's.</summary>
    public const double WarmP50Bar = 5;

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<PeerRow> Rows(ColdStartReport report)
    {
        var rows = new List<PeerRow>();
        foreach (IGrouping<string, SubjectResult> platform in report.Results.GroupBy(static r => r.Platform))
        {
            SubjectResult? echo = platform.FirstOrDefault(static r => r.Subject == Subjects.EchoName);
            SubjectResult? floor = platform.FirstOrDefault(static r => r.Subject == Subjects.FloorName);
            foreach (SubjectResult result in platform.Where(static r => !r.Subject.StartsWith(Subjects.FloorName, StringComparison.Ordinal)))
            {
                rows.Add(new PeerRow
                {
                    Platform = result.Platform,
                    Subject = result.Subject,
                    ExecToReadyMs = result.Cold.ExecToReadyMs.Median,
                    ExecToFirstResponseMs = result.Cold.ExecToFirstResponseMs.Median,
                    WarmP50Us = result.Warm.RoundTripUs.Median,
                    WarmP99Us = result.Warm.RoundTripUs.P99,
                    RssMiB = result.Warm.RssEndKb / 1024.0,
                    PeakRssMiB = result.Warm.PeakRssKb / 1024.0,
                    SizeBytes = result.BinaryBytes,
                    ReadyVersusEcho = Ratio(result.Cold.ExecToReadyMs.Median, echo?.Cold.ExecToReadyMs.Median),
                    FirstResponseVersusEcho = Ratio(result.Cold.ExecToFirstResponseMs.Median, echo?.Cold.ExecToFirstResponseMs.Median),
                    WarmP50VersusEcho = Ratio(result.Warm.RoundTripUs.Median, echo?.Warm.RoundTripUs.Median),
                    ReadyVersusFloor = Ratio(result.Cold.ExecToReadyMs.Median, floor?.Cold.ExecToReadyMs.Median),
                    WarmP50VersusFloor = Ratio(result.Warm.RoundTripUs.Median, floor?.Warm.RoundTripUs.Median),
                });
            }
        }

        return rows;
    }

    /// <summary>One line per Node.js starter: does it meet both bars?</summary>
    public static IReadOnlyList<string> Verdicts(IReadOnlyList<PeerRow> rows)
    {
        var verdicts = new List<string>();
        foreach (PeerRow row in rows.Where(static r => r.IsNodeStarter))
        {
            bool ready = row.ReadyVersusEcho >= ReadyBar;
            bool warm = row.WarmP50VersusEcho >= WarmP50Bar;
            verdicts.Add(string.Create(s_invariant,
                $"{row.Label}: exec→ready {row.ReadyVersusEcho:F1}× the native echo's (bar ≥ {ReadyBar:F0}×: {(ready ? "met" : "NOT met")}); warm p50 {row.WarmP50VersusEcho:F1}× (bar ≥ {WarmP50Bar:F0}×: {(warm ? "met" : "NOT met")}){Ceiling(row)}"));
        }

        return verdicts;
    }

    public static string Render(ColdStartReport report)
    {
        IReadOnlyList<PeerRow> rows = Rows(report);
        var text = new StringBuilder();
        text.AppendLine("# Peers: the native echo bootstrap against other runtimes of the same function");
        text.AppendLine();
        text.AppendLine(string.Create(s_invariant, $"- Date (UTC): {report.Stamp.DateUtc}; command: `{report.Stamp.CommandLine}`; commit `{report.Stamp.GitCommit}`{(report.Stamp.GitDirty ? " + uncommitted changes" : string.Empty)}"));
        text.AppendLine(string.Create(s_invariant, $"- Machine: {report.Machine.Cpu}, {report.Machine.LogicalCores} logical cores; {report.Machine.Os}; pinned CPU: {(report.Stamp.PinnedCpu is int cpu ? cpu.ToString(s_invariant) : "none")}"));
        text.AppendLine(string.Create(s_invariant, $"- One run, same emulators, subjects interleaved: {report.Stamp.Runs} cold starts per subject and platform, {report.Stamp.WarmInvocations:N0} warm invocations; chart: peers.png / peers.svg; the full table and definitions follow below."));
        text.AppendLine();
        text.AppendLine("| platform | subject | exec→ready ms<br>median | ×echo | exec→first response ms<br>median | ×echo | warm µs<br>p50 / p99 | warm p50<br>×echo | RSS MiB<br>end / peak | size on disk |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (PeerRow row in rows)
        {
            text.AppendLine(string.Create(s_invariant,
                $"| {row.Platform} | {row.Subject} | {row.ExecToReadyMs:F2} | {Times(row, row.ReadyVersusEcho)} | {row.ExecToFirstResponseMs:F2} | {Times(row, row.FirstResponseVersusEcho)} | {row.WarmP50Us:F1} / {row.WarmP99Us:F1} | {Times(row, row.WarmP50VersusEcho)} | {row.RssMiB:F1} / {row.PeakRssMiB:F1} | {Size(row.SizeBytes)} |"));
        }

        text.AppendLine();
        text.AppendLine("## Bars (issue 6)");
        text.AppendLine();
        foreach (string verdict in Verdicts(rows))
        {
            text.AppendLine("- " + verdict);
        }

        text.AppendLine();
        text.AppendLine("## Peers");
        text.AppendLine();
        foreach (SubjectResult result in report.Results.Where(static r => Subjects.Peers.Any(p => p.Name == r.Subject)).DistinctBy(static r => r.Subject))
        {
            text.AppendLine("- **" + result.Subject + "**: " + result.Description);
        }

        text.AppendLine("- The @midwayjs SCF and FC starters wrap a handler for the clouds' built-in Node.js runtimes (their README: \"for FaaS platforms whose runtime cannot be customised\"), which call exports.handler(event, context) in-process and exist only inside SCF and FC; they do not speak a runtime protocol themselves. So each starter runs behind a minimal Node.js custom runtime on the platform's documented protocol (bench/Peers/midway), which calls the wrapped handler as the built-in runtime would. The size counts node_modules of both starters (one folder, npm ci from the pinned package-lock.json).");
        text.AppendLine("- ×echo: the median (or p50) divided by the native echo bootstrap's on the same platform and emulator.");
        return text.ToString();
    }

    internal static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => string.Create(s_invariant, $"{bytes / 1024.0:F1} KiB"),
        _ => string.Create(s_invariant, $"{bytes / (1024.0 * 1024.0):F2} MiB"),
    };

    private static string Times(PeerRow row, double ratio) => row.IsEcho ? "–" : double.IsNaN(ratio) ? "?" : ratio.ToString("F1", s_invariant) + "×";

    /// <summary>What the floor reaches against the same starter: the ratio a runtime that costs nothing would show.</summary>
    private static string Ceiling(PeerRow row) => double.IsNaN(row.ReadyVersusFloor)
        ? string.Empty
        : string.Create(s_invariant,
            $"; the floor, a program that only speaks the protocol, reaches {row.ReadyVersusFloor:F1}× and {row.WarmP50VersusFloor:F1}× on the same emulator: the most any runtime could show here");

    private static double Ratio(double value, double? echo) => echo is > 0 ? Math.Round(value / echo.Value, 2) : double.NaN;
}
