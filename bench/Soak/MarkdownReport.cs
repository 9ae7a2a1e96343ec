using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Runtime.Soak;

/// <summary>Writes <c>bench/results/soak.md</c>: the verdict per platform, the rules, and the samples every tenth of the run.</summary>
internal static class MarkdownReport
{
    public static string Write(SoakReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# Soak");
        md.AppendLine();
        md.AppendLine(Invariant($"{report.Date}, commit `{report.Commit}`, {report.Machine}."));
        md.AppendLine();
        md.AppendLine("Command: `" + report.Command + "`");
        md.AppendLine();
        md.AppendLine(Invariant($"{report.Settings.Invocations:N0} invocations per platform through one `samples/Echo` bootstrap, one after another; every {report.Settings.SampleEvery:N0} the harness reads `/proc/<pid>` (VmRSS, `fd/` entries, Threads) and the bootstrap's `FAAS_DIAGNOSTICS_GC` line (collections per generation, GC heap after the last collection, bytes allocated). Warm-up: the first {report.Settings.WarmupPercent}%, and until the second gen0 collection; the sample that ends it is the baseline."));
        md.AppendLine();
        md.AppendLine(Invariant($"Rules after warm-up: RSS max − min ≤ {report.Settings.RssDriftKb:N0} KiB; descriptors and threads constant; the floor of the GC heap after a collection (lowest sample) rises ≤ {report.Settings.HeapDriftKb:N0} KiB from the first half to the second (it climbs as objects are promoted and drops at each gen1 collection; a leak raises the floor); allocation per invocation and gen0 collections in the second half no more than 5% above the first; no ERROR/FATAL line; exit 0 on SIGTERM."));
        md.AppendLine();
        md.AppendLine("| platform | model | verdict | warm-up ends at | RSS KiB min / max (drift) | fds | threads | GC heap KiB min / max; floor 1st / 2nd half | gen0 / gen1 / gen2 after warm-up | allocated B/invocation 1st / 2nd half | wall s |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (SoakRun run in report.Runs)
        {
            SoakVerdict v = run.Verdict;
            md.AppendLine(Invariant($"| {run.Platform} | {run.Model} | **{(v.Passed ? "pass" : "FAIL")}** | {v.WarmupEndsAt:N0} | {v.RssMinKb:N0} / {v.RssMaxKb:N0} ({v.RssDriftKb:N0}) | {Range(v.FdsMin, v.FdsMax)} | {Range(v.ThreadsMin, v.ThreadsMax)} | {v.HeapMinBytes / 1024:N0} / {v.HeapMaxBytes / 1024:N0}; {v.HeapFloorFirstHalfBytes / 1024:N0} / {v.HeapFloorSecondHalfBytes / 1024:N0} | {v.Gen0} / {v.Gen1} / {v.Gen2} | {v.AllocatedBytesPerInvocationFirstHalf:N0} / {v.AllocatedBytesPerInvocationSecondHalf:N0} | {run.WallSeconds:N1} |"));
        }

        foreach (SoakRun run in report.Runs.Where(r => !r.Verdict.Passed))
        {
            md.AppendLine();
            md.AppendLine("**" + run.Platform + " failed:**");
            foreach (string failure in run.Verdict.Failures)
            {
                md.AppendLine("- " + failure);
            }
        }

        foreach (SoakRun run in report.Runs)
        {
            md.AppendLine();
            md.AppendLine(Invariant($"## {run.Platform} ({run.Model}): samples every {run.Invocations / 10:N0} (all {run.Samples.Count} in soak.json)"));
            md.AppendLine();
            md.AppendLine("| invocations | RSS KiB | fds | threads | gen0 / gen1 / gen2 | GC heap KiB | allocated MiB |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
            int step = System.Math.Max(1, run.Invocations / 10);
            foreach (SoakSample s in run.Samples.Where(s => s.Invocations % step == 0 || s.Invocations == run.Verdict.WarmupEndsAt))
            {
                string mark = s.Invocations == run.Verdict.WarmupEndsAt ? " (baseline)" : string.Empty;
                md.AppendLine(Invariant($"| {s.Invocations:N0}{mark} | {s.RssKb:N0} | {s.Fds} | {s.Threads} | {s.Gen0} / {s.Gen1} / {s.Gen2} | {s.HeapBytes / 1024:N0} | {s.AllocatedBytes / 1048576.0:N1} |"));
            }
        }

        return md.ToString();
    }

    private static string Range(int min, int max) => min == max ? min.ToString(CultureInfo.InvariantCulture) : Invariant($"{min}–{max}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
