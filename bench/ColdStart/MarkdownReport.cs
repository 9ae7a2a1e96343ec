using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Runtime.ColdStart;

/// <summary>Renders the report as Markdown: the stamp, one table with every subject and platform, definitions, notes.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static string Render(ColdStartReport report)
    {
        RunStamp stamp = report.Stamp;
        MachineInfo machine = report.Machine;
        var md = new StringBuilder();
        md.AppendLine("# Cold start and warm invoke: echo bootstrap vs the floor");
        md.AppendLine();
        md.AppendLine(Line($"- Date (UTC): {stamp.DateUtc}"));
        md.AppendLine(Line($"- Command: `{stamp.CommandLine}` (from the repository root)"));
        md.AppendLine(Line($"- Commit: `{stamp.GitCommit}`{(stamp.GitDirty ? " + uncommitted changes in the working tree" : string.Empty)}"));
        md.AppendLine(Line($"- Machine: {machine.Cpu}, {machine.LogicalCores} logical cores, {machine.TotalMemoryMb:N0} MiB RAM; {machine.Os} ({machine.Kernel})"));
        string serverColdStarts = stamp.ServerColdStartHarnessCpu is { } probe
            ? Line($", except that the harness moves to CPU {probe} while server platforms are cold-started")
            : string.Empty;
        md.AppendLine(stamp.PinnedCpu is { } cpu
            ? Line($"- CPU pinning: harness, emulator and subjects all on CPU {cpu}{serverColdStarts} (see Definitions)")
            : "- CPU pinning: none (--no-pin)");
        md.AppendLine(Line($"- Platforms: {Models(report)}"));
        md.AppendLine(Line($"- .NET: {machine.DotnetRuntime} (harness and emulator), SDK {machine.DotnetSdk} (native-AOT subjects)"));
        md.AppendLine(Line($"- Cold starts: {stamp.Runs} per subject and platform; warm: {stamp.WarmInvocations:N0} sequential invocations in one process; event: `{stamp.Payload}` ({Encoding.UTF8.GetByteCount(stamp.Payload)} bytes)"));
        md.AppendLine();
        md.Append(RenderTable(report));
        if (report.Results.Any(static r => r.VersusEcho is not null))
        {
            md.AppendLine();
            md.AppendLine("## Layers against plain echo");
            md.AppendLine();
            md.Append(RenderLayerTable(report));
        }

        md.AppendLine();
        md.AppendLine("## Definitions");
        md.AppendLine();
        foreach (KeyValuePair<string, string> definition in report.Definitions)
        {
            md.AppendLine(Line($"- **{definition.Key}**: {definition.Value}"));
        }

        md.AppendLine();
        md.AppendLine("## Subjects");
        md.AppendLine();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (SubjectResult result in report.Results)
        {
            if (seen.Add(result.Subject))
            {
                md.AppendLine(Line($"- **{result.Subject}** (`{result.Executable}`): {result.Description}"));
            }
        }

        if (report.Notes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Notes from this run");
            md.AppendLine();
            foreach (string note in report.Notes)
            {
                md.AppendLine("- " + note);
            }
        }

        return md.ToString();
    }

    public static string RenderTable(ColdStartReport report)
    {
        int warm = report.Stamp.WarmInvocations;
        int early = report.Results.Count > 0 ? report.Results[0].Warm.RssEarlyAfter : Math.Min(1000, warm);
        var md = new StringBuilder();
        md.AppendLine(Line($"| platform | subject | binary MiB | spawn ms<br>median | exec→ready ms<br>median / p90 | ready<br>×floor | exec→init/ready ms<br>median / p90 | exec→accept ms<br>median / p90 | exec→first response ms<br>median / p90 | first response<br>×floor | warm round trip µs<br>p50 / p99 | warm p50<br>− floor µs | RSS MiB<br>@{early:N0} / @{warm:N0} / peak | SIGTERM→exit<br>code, median ms |"));
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (SubjectResult r in report.Results)
        {
            ColdStartResult cold = r.Cold;
            WarmResult w = r.Warm;
            FloorComparison? vs = r.VersusFloor;
            string initReady = cold.ExecToInitReadyMs is { } init ? Pair(init.Median, init.P90, "F2") : "–";
            string accept = cold.ExecToAcceptMs is { } accepted ? Pair(accepted.Median, accepted.P90, "F2") : "–";
            string codes = string.Join(",", cold.ExitCodesAfterSigterm);
            md.AppendLine(string.Join(" | ", new[]
            {
                "| " + r.Platform,
                r.Subject,
                (r.BinaryBytes / (1024.0 * 1024.0)).ToString("F2", s_invariant),
                cold.SpawnMs.Median.ToString("F2", s_invariant),
                Pair(cold.ExecToReadyMs.Median, cold.ExecToReadyMs.P90, "F2"),
                vs is null ? "–" : vs.ExecToReadyRatio.ToString("F2", s_invariant),
                initReady,
                accept,
                Pair(cold.ExecToFirstResponseMs.Median, cold.ExecToFirstResponseMs.P90, "F2"),
                vs is null ? "–" : vs.ExecToFirstResponseRatio.ToString("F2", s_invariant),
                Pair(w.RoundTripUs.Median, w.RoundTripUs.P99, "F1"),
                vs?.WarmP50DifferenceUs is { } diff ? diff.ToString("+0.0;-0.0;0.0", s_invariant) : "–",
                Mib(w.RssEarlyKb) + " / " + Mib(w.RssEndKb) + " / " + Mib(w.PeakRssKb),
                codes + ", " + cold.SigtermToExitMs.Median.ToString("F1", s_invariant) + " |",
            }));
        }

        return md.ToString();
    }

    /// <summary>The layered subjects against plain echo: what the layers add, in total and per layer.</summary>
    public static string RenderLayerTable(ColdStartReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("| platform | subject | layers | layer libraries MiB | exec→ready − echo ms<br>medians / paired | per layer ms | exec→first response − echo ms | warm p50 − echo µs | per layer µs | warm p99 − echo µs |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (SubjectResult r in report.Results)
        {
            if (r.VersusEcho is not { } vs)
            {
                continue;
            }

            md.AppendLine(string.Join(" | ", new[]
            {
                "| " + r.Platform,
                r.Subject,
                vs.Layers.ToString(s_invariant),
                (vs.LayerLibraryBytes / (1024.0 * 1024.0)).ToString("F2", s_invariant),
                Signed(vs.ExecToReadyDifferenceMs, "F2") + " / " + Signed(vs.ExecToReadyPairedDifferenceMs, "F2"),
                Signed(vs.ExecToReadyDifferencePerLayerMs, "F2"),
                Signed(vs.ExecToFirstResponseDifferenceMs, "F2"),
                Signed(vs.WarmP50DifferenceUs, "F1"),
                Signed(vs.WarmP50DifferencePerLayerUs, "F1"),
                Signed(vs.WarmP99DifferenceUs, "F1") + " |",
            }));
        }

        return md.ToString();
    }

    private static string Signed(double value, string format) =>
        (value >= 0 ? "+" : string.Empty) + value.ToString(format, s_invariant);

    /// <summary>"poll: aws, scf, huawei; server: fc, …" from the results, in table order.</summary>
    private static string Models(ColdStartReport report)
    {
        var byModel = new List<KeyValuePair<string, List<string>>>();
        foreach (SubjectResult result in report.Results)
        {
            int at = byModel.FindIndex(pair => pair.Key == result.Model);
            if (at < 0)
            {
                byModel.Add(new KeyValuePair<string, List<string>>(result.Model, new List<string>()));
                at = byModel.Count - 1;
            }

            if (!byModel[at].Value.Contains(result.Platform))
            {
                byModel[at].Value.Add(result.Platform);
            }
        }

        var parts = new List<string>();
        foreach (KeyValuePair<string, List<string>> pair in byModel)
        {
            parts.Add(pair.Key + " model: " + string.Join(", ", pair.Value));
        }

        return string.Join("; ", parts) + " (see Definitions: models, exec→ready)";
    }

    private static string Pair(double a, double b, string format) =>
        a.ToString(format, s_invariant) + " / " + b.ToString(format, s_invariant);

    private static string Mib(long kb) => (kb / 1024.0).ToString("F1", s_invariant);

    private static string Line(FormattableString text) => text.ToString(s_invariant);
}
