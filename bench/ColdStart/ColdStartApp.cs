using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.ColdStart;

/// <summary>
/// The harness: publish the subjects, then for each platform: one throwaway cold start per subject (warms the
/// emulator, the harness's code and the page cache), N measured cold starts (subjects interleaved, one child at a
/// time), then one warm process per subject; finally the table on stdout and coldstart.md/.json in the results folder.
/// Progress goes to stderr, so stdout holds only the report.
/// </summary>
internal static class ColdStartApp
{
    private const int ExitOk = 0;
    private const int ExitFailed = 1;
    private const int ExitUsage = 2;
    private const int ExitInterrupted = 130;
    private const string Payload = """{"key1":"value1","key2":"value2","key3":"value3"}""";

    private static readonly TimeSpan s_toolTimeout = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync(string[] args)
    {
        HarnessOptions? options = HarnessOptions.TryParse(args, out string error);
        if (options is null)
        {
            if (error.Length == 0)
            {
                Console.Out.WriteLine(HarnessOptions.Usage);
                return ExitOk;
            }

            Console.Error.WriteLine("coldstart: " + error);
            Console.Error.WriteLine(HarnessOptions.Usage);
            return ExitUsage;
        }

        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancelKey = (_, e) =>
        {
            // Stay alive long enough to stop the running child and the emulator (finally blocks do it).
            e.Cancel = true;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancelKey;
        using PosixSignalRegistration onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            interrupted.Cancel();
        });

        try
        {
            await RunAsync(options, Console.Error, interrupted.Token).ConfigureAwait(false);
            return ExitOk;
        }
        catch (HarnessException ex)
        {
            Console.Error.WriteLine("coldstart: FAILED: " + ex.Message);
            return ExitFailed;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            Console.Error.WriteLine("coldstart: interrupted");
            return ExitInterrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCancelKey;
        }
    }

    private static async Task RunAsync(HarnessOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        string root = RepoRoot.Find();
        progress.WriteLine("coldstart: repository " + root);
        string sdk = await ToolOutputAsync("dotnet", new[] { "--version" }, root, cancellationToken).ConfigureAwait(false) ?? "unknown";
        string commit = await ToolOutputAsync("git", new[] { "rev-parse", "HEAD" }, root, cancellationToken).ConfigureAwait(false) ?? "unknown";
        string? porcelain = await ToolOutputAsync("git", new[] { "status", "--porcelain" }, root, cancellationToken).ConfigureAwait(false);

        IReadOnlyList<Subject> subjects = Subjects.All;
        foreach (Subject subject in subjects)
        {
            if (options.Publish)
            {
                await Publisher.PublishAsync(subject, root, progress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Publisher.RequireExecutable(subject, root);
                progress.WriteLine("reuse " + subject.Name + ": " + Relative(root, subject.ExecutablePath(root)));
            }
        }

        int? pinnedCpu = null;
        if (options.Pin)
        {
            // After publishing (a build pinned to one CPU would crawl), before any measurement. Twice: a thread the
            // runtime created while the first pass ran is caught by the second.
            pinnedCpu = Affinity.FirstAllowedCpu();
            Affinity.PinProcess(pinnedCpu.Value);
            Affinity.PinProcess(pinnedCpu.Value);
            progress.WriteLine("coldstart: pinned to CPU " + pinnedCpu.Value + " (harness, emulator and every subject)");
        }

        byte[] payload = Encoding.UTF8.GetBytes(Payload);
        var results = new List<SubjectResult>();
        var notes = new List<string>();
        foreach (Platform platform in options.Platforms)
        {
            results.AddRange(await MeasurePlatformAsync(platform, subjects, root, payload, options, progress, notes, cancellationToken)
                .ConfigureAwait(false));
        }

        var report = new ColdStartReport
        {
            Stamp = new RunStamp
            {
                DateUtc = DateTime.UtcNow.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture),
                CommandLine = ReproducingCommand(options.Arguments),
                ProcessCommandLine = Environment.CommandLine,
                GitCommit = commit,
                GitDirty = !string.IsNullOrEmpty(porcelain),
                PinnedCpu = pinnedCpu,
                Runs = options.Runs,
                WarmInvocations = options.Warm,
                Platforms = options.Platforms.Select(Emulators.Name).ToList(),
                Payload = Payload,
            },
            Machine = MachineInfo.Collect(sdk),
            Definitions = Definitions(options),
            Results = results,
            Notes = notes,
        };

        string markdown = MarkdownReport.Render(report);
        string outDirectory = Path.GetFullPath(options.OutDirectory ?? Path.Combine(root, "bench", "results"));
        Directory.CreateDirectory(outDirectory);
        string mdPath = Path.Combine(outDirectory, "coldstart.md");
        string jsonPath = Path.Combine(outDirectory, "coldstart.json");
        await File.WriteAllTextAsync(mdPath, markdown, cancellationToken).ConfigureAwait(false);
        await using (FileStream json = File.Create(jsonPath))
        {
            await JsonSerializer.SerializeAsync(json, report, ReportJsonContext.Default.ColdStartReport, cancellationToken).ConfigureAwait(false);
        }

        Console.Out.WriteLine();
        Console.Out.Write(markdown);
        progress.WriteLine("coldstart: wrote " + mdPath + " and " + jsonPath);
    }

    private static async Task<List<SubjectResult>> MeasurePlatformAsync(
        Platform platform, IReadOnlyList<Subject> subjects, string root, byte[] payload, HarnessOptions options,
        TextWriter progress, List<string> notes, CancellationToken cancellationToken)
    {
        string name = Emulators.Name(platform);
        progress.WriteLine($"[{name}] warm-up: one throwaway cold start per subject");
        foreach (Subject subject in subjects)
        {
            (ColdRunSample sample, _) = await ColdStartRunner.RunOnceAsync(subject, subject.ExecutablePath(root), platform, payload, 0, cancellationToken)
                .ConfigureAwait(false);
            progress.WriteLine(Invariant($"[{name}] warm-up {subject.Name}: ready {sample.ExecToReadyMs:F2} ms, first response {sample.ExecToFirstResponseMs:F2} ms"));
        }

        // Interleaved, and the order rotates every round, so drift (tiering, caches, other load) spreads over every subject.
        var samples = subjects.ToDictionary(static s => s.Name, static _ => new List<ColdRunSample>(), StringComparer.Ordinal);
        progress.WriteLine($"[{name}] cold start: {options.Runs} runs per subject, interleaved");
        for (int run = 1; run <= options.Runs; run++)
        {
            var line = new StringBuilder(Invariant($"[{name}] cold {run,3}/{options.Runs}:"));
            for (int k = 0; k < subjects.Count; k++)
            {
                Subject subject = subjects[(run - 1 + k) % subjects.Count];
                (ColdRunSample sample, string? note) = await ColdStartRunner.RunOnceAsync(
                    subject, subject.ExecutablePath(root), platform, payload, run, cancellationToken).ConfigureAwait(false);
                samples[subject.Name].Add(sample);
                if (note is not null && !notes.Contains(note))
                {
                    notes.Add(note);
                }

                line.Append(Invariant($"  {subject.Name} {sample.ExecToReadyMs:F2}/{sample.ExecToFirstResponseMs:F2} ms"));
            }

            progress.WriteLine(line.Append("  (ready/first response)").ToString());
        }

        var results = new List<SubjectResult>();
        foreach (Subject subject in subjects)
        {
            progress.WriteLine(Invariant($"[{name}] warm {subject.Name}: {options.Warm:N0} invocations"));
            WarmResult warm = await WarmRunner.RunAsync(subject, subject.ExecutablePath(root), platform, payload, options.Warm, cancellationToken)
                .ConfigureAwait(false);
            progress.WriteLine(Invariant(
                $"[{name}] warm {subject.Name}: p50 {warm.RoundTripUs.Median:F1} µs, p99 {warm.RoundTripUs.P99:F1} µs, RSS {warm.RssEarlyKb / 1024.0:F1} -> {warm.RssEndKb / 1024.0:F1} MiB, peak {warm.PeakRssKb / 1024.0:F1} MiB ({warm.WallSeconds:F1} s)"));
            results.Add(Summarize(subject, name, root, samples[subject.Name], warm, notes));
        }

        SubjectResult floor = results.Single(static r => r.Subject == Subjects.FloorName);
        foreach (SubjectResult result in results)
        {
            if (result != floor)
            {
                result.VersusFloor = new FloorComparison
                {
                    ExecToReadyRatio = Math.Round(result.Cold.ExecToReadyMs.Median / floor.Cold.ExecToReadyMs.Median, 2),
                    ExecToFirstResponseRatio = Math.Round(result.Cold.ExecToFirstResponseMs.Median / floor.Cold.ExecToFirstResponseMs.Median, 2),
                    WarmP50DifferenceUs = Math.Round(result.Warm.RoundTripUs.Median - floor.Warm.RoundTripUs.Median, 1),
                };
            }
        }

        return results;
    }

    private static SubjectResult Summarize(Subject subject, string platform, string root, List<ColdRunSample> samples, WarmResult warm, List<string> notes)
    {
        var exitCodes = samples.Select(static s => s.ExitCodeAfterSigterm).Distinct().Order().ToList();
        if (exitCodes.Any(static c => c != 0))
        {
            notes.Add(Invariant($"{subject.Name} ({platform}) exited with {string.Join(", ", exitCodes)} after SIGTERM (0 expected; 143 = ended by the signal, 137 = killed after the grace period)"));
        }

        long growthKb = warm.RssEndKb - warm.RssEarlyKb;
        if (growthKb > 1024)
        {
            double perInvocationKb = (double)growthKb / Math.Max(1, warm.Invocations - warm.RssEarlyAfter);
            notes.Add(Invariant($"{subject.Name} ({platform}): RSS grew {growthKb / 1024.0:F1} MiB between invocation {warm.RssEarlyAfter:N0} and {warm.Invocations:N0} (≈{perInvocationKb:F1} KiB per invocation, steadily: see rssEvery1000Kb in coldstart.json). A garbage-collected process grows like this until its first gen0 collection, so this alone is not a leak; a longer --warm shows whether and where it levels off."));
        }

        bool anyInitReady = samples.Any(static s => s.ExecToInitReadyMs is not null);
        string executable = subject.ExecutablePath(root);
        return new SubjectResult
        {
            Platform = platform,
            Subject = subject.Name,
            Description = subject.Description,
            Executable = Relative(root, executable),
            BinaryBytes = new FileInfo(executable).Length,
            Cold = new ColdStartResult
            {
                Runs = samples.Count,
                SpawnMs = Percentiles.Summarize(samples.Select(static s => s.SpawnMs), 3),
                ExecToReadyMs = Percentiles.Summarize(samples.Select(static s => s.ExecToReadyMs), 3),
                ExecToInitReadyMs = anyInitReady
                    ? Percentiles.Summarize(samples.Where(static s => s.ExecToInitReadyMs is not null).Select(static s => s.ExecToInitReadyMs!.Value), 3)
                    : null,
                ExecToFirstResponseMs = Percentiles.Summarize(samples.Select(static s => s.ExecToFirstResponseMs), 3),
                SigtermToExitMs = Percentiles.Summarize(samples.Select(static s => s.SigtermToExitMs), 3),
                ExitCodesAfterSigterm = exitCodes,
                Samples = samples,
            },
            Warm = warm,
        };
    }

    private static Dictionary<string, string> Definitions(HarnessOptions options) => new(StringComparer.Ordinal)
    {
        ["t0"] = "Stopwatch.GetTimestamp() in the harness immediately before Process.Start of the subject (child environment = the emulator's variables + PATH only; stdout/stderr are pipes the harness drains).",
        ["spawn"] = "t0 → Process.Start returned (.NET returns once the exec has succeeded): the harness's own fork + exec. It is inside every cold figure below and the same for every subject, so subtract it to compare what the subjects themselves do.",
        ["exec→ready"] = "the emulator's arrival timestamp of the child's first GET …/runtime/invocation/next − t0. The event is queued before the start, so that poll is answered at once.",
        ["exec→init/ready"] = "SCF only: arrival of POST /runtime/init/ready − t0.",
        ["exec→first response"] = "the emulator's timestamp when the response POST for that event was fully received − t0.",
        ["cold statistics"] = Invariant($"median and p90 over {options.Runs} runs, each with a fresh emulator and a fresh process, subjects interleaved with a rotating order; one unmeasured cold start per subject first. Percentiles interpolate linearly between closest ranks."),
        ["×floor"] = "the subject's median divided by the floor's median on the same platform. Both include the spawn, which dilutes the ratio: (subject − spawn) / (floor − spawn) is the ratio of the processes' own work.",
        ["warm round trip"] = Invariant($"one process, {options.Warm:N0} invocations one after another (the next is queued when the previous is answered); per invocation, the emulator's timestamp of handing out the event on /next → the response fully received. p50 and p99 over all of them, first invocation included."),
        ["warm p50 − floor"] = "the subject's warm p50 minus the floor's, same platform, microseconds.",
        ["RSS"] = "VmRSS of the child from /proc/<pid>/status half-way through the warm run and after all of it (equal = not growing, the warm-up growth of a garbage-collected process being over by half-way), and VmHWM (peak RSS) at the end; rssEvery1000Kb in the JSON has the whole curve.",
        ["binary"] = "size of the published executable (symbols stripped into a separate .dbg file, not counted).",
        ["CPU"] = options.Pin
            ? "the harness (emulator included) and every subject run pinned to one CPU (sched_setaffinity; children inherit it), so a subject sees one CPU (Environment.ProcessorCount = 1, which is also what .NET reports under a fractional CPU quota such as a small Lambda function). Why: on the 2-vCPU VM this harness was written on, a wake-up across vCPUs costs tens of microseconds and landed differently from run to run (unpinned, the floor's warm p50 came out at 22 µs in one run and 70 µs in the next), which hid the differences being measured. --no-pin turns this off."
            : "not pinned (--no-pin): harness, emulator and subjects run wherever the scheduler puts them; on a small VM warm round trips then vary from run to run with cross-CPU wake-ups.",
        ["SIGTERM→exit"] = "exit codes seen after the harness sent SIGTERM at the end of each cold run, and the median time from the signal to the exit.",
    };

    private static string ReproducingCommand(IReadOnlyList<string> arguments)
    {
        const string command = "dotnet run -c Release --project bench/ColdStart";
        return arguments.Count == 0 ? command : command + " -- " + string.Join(' ', arguments.Select(Quote));
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task<string?> ToolOutputAsync(string file, string[] arguments, string root, CancellationToken cancellationToken)
    {
        try
        {
            (int exitCode, string output) = await ToolRun.RunAsync(file, arguments, root, null, s_toolTimeout, cancellationToken).ConfigureAwait(false);
            return exitCode == 0 ? output.Trim() : null;
        }
        catch (HarnessException ex)
        {
            // Only for the stamp (git missing, say): the figures stay valid, the report says "unknown".
            Console.Error.WriteLine("coldstart: " + ex.Message);
            return null;
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
