using System;
using System.Collections.Generic;
using System.Diagnostics;
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

        List<Subject> subjects = Subjects.Everything.Where(s => options.Platforms.Any(p => options.Measures(s, p))).ToList();
        var setUp = new HashSet<string>(StringComparer.Ordinal);
        foreach (Subject subject in subjects.Where(static s => !s.IsLayered))
        {
            if (options.Publish && subject.IsPeer)
            {
                // midway-scf and midway-fc share one folder (and one npm ci).
                if (setUp.Add(subject.PublishDirectory(root)))
                {
                    await Publisher.SetUpPeerAsync(subject, root, progress, cancellationToken).ConfigureAwait(false);
                }

                Publisher.RequireExecutable(subject, root);
            }
            else if (options.Publish)
            {
                await Publisher.PublishAsync(subject, root, progress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Publisher.RequireExecutable(subject, root);
                progress.WriteLine("reuse " + subject.Name + ": " + Relative(root, subject.ExecutablePath(root)));
            }
        }

        foreach (LayerPackage package in Subjects.PackagesOf(subjects))
        {
            if (options.Publish)
            {
                await Publisher.PublishAsync(package, root, progress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Publisher.RequireLibrary(package, root);
                progress.WriteLine("reuse layer " + package.Name + ": " + Relative(root, package.LibraryPath(root)));
            }
        }

        foreach (Subject subject in subjects.Where(static s => s.IsLayered))
        {
            Publisher.RequireExecutable(subject, root);
            Publisher.DeployLayers(subject, root);
            progress.WriteLine("layers of " + subject.Name + ": " + Relative(root, subject.LayersDirectory(root)) + " ("
                + string.Join(", ", subject.Layers.Select(static l => l.Folder)) + ")");
        }

        OutputTail.DrainEvery = TimeSpan.FromMilliseconds(options.DrainEveryMs);
        // After publishing (a build pinned to one CPU would crawl), before any measurement.
        CpuPlacement placement = CpuPlacement.Create(options.Pin);
        int? pinnedCpu = placement.SubjectCpu;
        if (pinnedCpu is not null)
        {
            progress.WriteLine("coldstart: pinned to CPU " + pinnedCpu.Value + " (harness, emulator and every subject)"
                + (placement.ProbeCpu is int probe ? "; the harness moves to CPU " + probe + " while server platforms are cold-started" : string.Empty));
        }

        double timerDelayMs = await TimerDelayMsAsync(cancellationToken).ConfigureAwait(false);
        byte[] payload = Encoding.UTF8.GetBytes(Payload);
        var results = new List<SubjectResult>();
        var notes = new List<string>();
        int steps = options.Platforms.Sum(p => subjects.Count(s => options.Measures(s, p)) * (options.Runs + 2));
        var bar = new ProgressBar(progress, steps);
        foreach (Platform platform in options.Platforms)
        {
            results.AddRange(await MeasurePlatformAsync(platform, subjects, root, payload, options, placement, progress, bar, notes, cancellationToken)
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
                ServerColdStartHarnessCpu = placement.ProbeCpu,
                ServerColdReadyPollIntervalMs = placement.ColdReadyPollInterval?.TotalMilliseconds ?? 1,
                TaskDelay1Ms = timerDelayMs,
                Runs = options.Runs,
                WarmInvocations = options.Warm,
                Platforms = options.Platforms.Select(Platforms.Name).ToList(),
                Payload = Payload,
            },
            Machine = MachineInfo.Collect(sdk),
            Definitions = Definitions(options, placement, timerDelayMs),
            Results = results,
            Notes = notes,
        };

        string markdown = MarkdownReport.Render(report);
        string outDirectory = Path.GetFullPath(options.OutDirectory ?? Path.Combine(root, "bench", "results"));
        Directory.CreateDirectory(outDirectory);
        string baseName = options.Peers ? "peers" : "coldstart";
        string mdPath = Path.Combine(outDirectory, baseName + ".md");
        string jsonPath = Path.Combine(outDirectory, baseName + ".json");
        if (options.Peers)
        {
            markdown = PeersReport.Render(report) + "\n" + markdown;
            PeersChart.Save(PeersReport.Rows(report), Path.Combine(outDirectory, "peers.png"), Path.Combine(outDirectory, "peers.svg"));
        }

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
        Platform platform, IReadOnlyList<Subject> allSubjects, string root, byte[] payload, HarnessOptions options, CpuPlacement placement,
        TextWriter progress, ProgressBar bar, List<string> notes, CancellationToken cancellationToken)
    {
        string name = Platforms.Name(platform);
        List<Subject> subjects = allSubjects.Where(s => options.Measures(s, platform)).ToList();
        bool server = Platforms.IsServer(platform);
        var samples = subjects.ToDictionary(static s => s.Name, static _ => new List<ColdRunSample>(), StringComparer.Ordinal);
        if (server)
        {
            placement.EnterServerColdStarts();
        }

        try
        {
            await MeasureColdAsync(platform, subjects, root, payload, options, placement, samples, progress, bar, notes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (server)
            {
                placement.LeaveServerColdStarts();
            }
        }

        var results = new List<SubjectResult>();
        foreach (Subject subject in subjects)
        {
            progress.WriteLine(Invariant($"[{name}] warm {subject.Name}: {options.Warm:N0} invocations"));
            WarmResult warm = server
                ? await ServerWarmRunner.RunAsync(subject, root, platform, payload, options.Warm, cancellationToken)
                    .ConfigureAwait(false)
                : await WarmRunner.RunAsync(subject, root, platform, payload, options.Warm, cancellationToken)
                    .ConfigureAwait(false);
            progress.WriteLine(Invariant(
                $"[{name}] warm {subject.Name}: p50 {warm.RoundTripUs.Median:F1} µs, p99 {warm.RoundTripUs.P99:F1} µs, RSS {warm.RssEarlyKb / 1024.0:F1} -> {warm.RssEndKb / 1024.0:F1} MiB, peak {warm.PeakRssKb / 1024.0:F1} MiB ({warm.WallSeconds:F1} s)"));
            results.Add(Summarize(subject, platform, root, samples[subject.Name], warm, notes));
            bar.Advance(1, "[" + name + "] warm " + subject.Name + " done");
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

        foreach (SubjectResult result in results)
        {
            Subject subject = subjects.Single(s => s.Name == result.Subject);
            if (subject.Host is { } host && results.SingleOrDefault(r => r.Subject == host.Name) is { } plain)
            {
                long libraries = subject.Layers.Sum(l => new FileInfo(Path.Combine(subject.LayersDirectory(root), l.Folder, l.Package.Library)).Length);
                result.VersusEcho = CompareWithHost(result, plain, subject.Layers.Count, libraries);
            }
        }

        return results;
    }

    /// <summary>A layered subject against its host (plain echo) on the same platform, in total and per layer.</summary>
    private static EchoComparison CompareWithHost(SubjectResult layered, SubjectResult plain, int layers, long libraryBytes)
    {
        double ready = layered.Cold.ExecToReadyMs.Median - plain.Cold.ExecToReadyMs.Median;
        double warmP50 = layered.Warm.RoundTripUs.Median - plain.Warm.RoundTripUs.Median;
        var plainByRun = plain.Cold.Samples.ToDictionary(static s => s.Run, static s => s.ExecToReadyMs);
        List<double> paired = layered.Cold.Samples
            .Where(s => plainByRun.ContainsKey(s.Run))
            .Select(s => s.ExecToReadyMs - plainByRun[s.Run])
            .Order()
            .ToList();
        return new EchoComparison
        {
            Layers = layers,
            LayerLibraryBytes = libraryBytes,
            ExecToReadyDifferenceMs = Math.Round(ready, 3),
            ExecToReadyDifferencePerLayerMs = Math.Round(ready / layers, 3),
            ExecToReadyPairedDifferenceMs = paired.Count > 0 ? Math.Round(Percentiles.Of(paired, 0.5), 3) : double.NaN,
            ExecToFirstResponseDifferenceMs = Math.Round(layered.Cold.ExecToFirstResponseMs.Median - plain.Cold.ExecToFirstResponseMs.Median, 3),
            WarmP50DifferenceUs = Math.Round(warmP50, 1),
            WarmP50DifferencePerLayerUs = Math.Round(warmP50 / layers, 1),
            WarmP99DifferenceUs = Math.Round(layered.Warm.RoundTripUs.P99 - plain.Warm.RoundTripUs.P99, 1),
        };
    }

    /// <summary>One throwaway cold start per subject, then the measured ones, interleaved.</summary>
    private static async Task MeasureColdAsync(
        Platform platform, List<Subject> subjects, string root, byte[] payload, HarnessOptions options, CpuPlacement placement,
        Dictionary<string, List<ColdRunSample>> samples, TextWriter progress, ProgressBar bar, List<string> notes, CancellationToken cancellationToken)
    {
        string name = Platforms.Name(platform);
        progress.WriteLine($"[{name}] {Platforms.Model(platform)} platform; warm-up: one throwaway cold start per subject");
        foreach (Subject subject in subjects)
        {
            (ColdRunSample sample, _) = await RunColdAsync(subject, root, platform, payload, 0, placement, cancellationToken).ConfigureAwait(false);
            progress.WriteLine(Invariant($"[{name}] warm-up {subject.Name}: {Accept(sample)}ready {sample.ExecToReadyMs:F2} ms, first response {sample.ExecToFirstResponseMs:F2} ms"));
            bar.Advance(1, "[" + name + "] warm-up " + subject.Name);
        }

        // Interleaved, and the order rotates every round, so drift (tiering, caches, other load) spreads over every subject.
        progress.WriteLine($"[{name}] cold start: {options.Runs} runs per subject, interleaved");
        for (int run = 1; run <= options.Runs; run++)
        {
            var line = new StringBuilder(Invariant($"[{name}] cold {run,3}/{options.Runs}:"));
            for (int k = 0; k < subjects.Count; k++)
            {
                Subject subject = subjects[(run - 1 + k) % subjects.Count];
                (ColdRunSample sample, string? note) = await RunColdAsync(subject, root, platform, payload, run, placement, cancellationToken).ConfigureAwait(false);
                samples[subject.Name].Add(sample);
                if (note is not null && !notes.Contains(note))
                {
                    notes.Add(note);
                }

                line.Append(Invariant($"  {subject.Name} {sample.ExecToReadyMs:F2}/{sample.ExecToFirstResponseMs:F2} ms"));
            }

            progress.WriteLine(line.Append("  (ready/first response)").ToString());
            bar.Advance(subjects.Count, Invariant($"[{name}] cold round {run}/{options.Runs}"));
        }
    }

    /// <summary>One cold start by the platform's model.</summary>
    private static async Task<(ColdRunSample Sample, string? Note)> RunColdAsync(
        Subject subject, string root, Platform platform, byte[] payload, int run, CpuPlacement placement, CancellationToken cancellationToken)
    {
        if (!Platforms.IsServer(platform))
        {
            return await ColdStartRunner.RunOnceAsync(subject, root, platform, payload, run, cancellationToken).ConfigureAwait(false);
        }

        ColdRunSample sample = await ServerColdStartRunner.RunOnceAsync(subject, root, platform, payload, run, placement, cancellationToken)
            .ConfigureAwait(false);
        return (sample, null);
    }

    private static string Accept(ColdRunSample sample) =>
        sample.ExecToAcceptMs is { } accept ? Invariant($"accept {accept:F2} ms, ") : string.Empty;

    private static SubjectResult Summarize(Subject subject, Platform platformId, string root, List<ColdRunSample> samples, WarmResult warm, List<string> notes)
    {
        string platform = Platforms.Name(platformId);
        var exitCodes = samples.Select(static s => s.ExitCodeAfterSigterm).Distinct().Order().ToList();
        if (exitCodes.Any(static c => c != 0))
        {
            notes.Add(Invariant($"{subject.Name} ({platform}) exited with {string.Join(", ", exitCodes)} after SIGTERM (0 expected; 143 = ended by the signal, 137 = killed after the grace period)"));
        }

        long growthKb = warm.RssEndKb - warm.RssEarlyKb;
        if (growthKb > 1024)
        {
            double perInvocationKb = (double)growthKb / Math.Max(1, warm.Invocations - warm.RssEarlyAfter);
            notes.Add(Invariant($"{subject.Name} ({platform}): RSS grew {growthKb / 1024.0:F1} MiB between invocation {warm.RssEarlyAfter:N0} and {warm.Invocations:N0} (≈{perInvocationKb:F1} KiB per invocation, steadily: see rssEvery1000Kb in the JSON report). A garbage-collected process grows like this until its first gen0 collection, so this alone is not a leak; a longer --warm shows whether and where it levels off."));
        }

        if (warm.ConnectionsOpened is > 0)
        {
            notes.Add(Invariant($"{subject.Name} ({platform}): the caller opened {warm.ConnectionsOpened} new connection(s) during the warm run, so the subject closed kept-alive connections; those round trips include a TCP connect."));
        }

        var readyStatuses = samples.Where(static s => s.ReadyStatusCode is not null).Select(static s => s.ReadyStatusCode!.Value).Distinct().Order().ToList();
        if (readyStatuses.Any(static c => c is < 200 or > 299))
        {
            notes.Add(Invariant($"{subject.Name} ({platform}) answered the readiness probe with {string.Join(", ", readyStatuses)} (any status counts as ready; 2xx expected from these subjects)."));
        }

        bool anyInitReady = samples.Any(static s => s.ExecToInitReadyMs is not null);
        bool anyAccept = samples.Any(static s => s.ExecToAcceptMs is not null);
        string executable = subject.ExecutablePath(root);
        return new SubjectResult
        {
            Platform = platform,
            Model = Platforms.Model(platformId),
            Subject = subject.Name,
            Description = subject.Description,
            Executable = Relative(root, executable),
            BinaryBytes = subject.DeployedBytes(root),
            Cold = new ColdStartResult
            {
                Runs = samples.Count,
                SpawnMs = Percentiles.Summarize(samples.Select(static s => s.SpawnMs), 3),
                ExecToReadyMs = Percentiles.Summarize(samples.Select(static s => s.ExecToReadyMs), 3),
                ExecToInitReadyMs = anyInitReady
                    ? Percentiles.Summarize(samples.Where(static s => s.ExecToInitReadyMs is not null).Select(static s => s.ExecToInitReadyMs!.Value), 3)
                    : null,
                ExecToAcceptMs = anyAccept
                    ? Percentiles.Summarize(samples.Where(static s => s.ExecToAcceptMs is not null).Select(static s => s.ExecToAcceptMs!.Value), 3)
                    : null,
                ExecToFirstResponseMs = Percentiles.Summarize(samples.Select(static s => s.ExecToFirstResponseMs), 3),
                SigtermToExitMs = Percentiles.Summarize(samples.Select(static s => s.SigtermToExitMs), 3),
                ExitCodesAfterSigterm = exitCodes,
                Samples = samples,
            },
            Warm = warm,
        };
    }

    private static Dictionary<string, string> Definitions(HarnessOptions options, CpuPlacement placement, double timerDelayMs) => new(StringComparer.Ordinal)
    {
        ["models"] = "poll platforms (aws, scf, huawei): the bootstrap long-polls the platform's runtime API, which the emulator serves. Server platforms (fc, azure, cloudrun, scf-web, huawei-http): the bootstrap is an HTTP server on the platform's port and the emulator is the platform calling it, with its own keep-alive connection pool. floor-httpclient is a poll client and runs on poll platforms only.",
        ["t0"] = "Stopwatch.GetTimestamp() in the harness immediately before Process.Start of the subject (child environment = the emulator's variables + PATH only; on server platforms also FAAS_BIND_ADDRESS=127.0.0.1 and FAAS_HANDLER=echo, and on scf-web and huawei-http, whose real port is fixed (9000, 8000), FAAS_PORT = the emulator's free port; stdout/stderr are pipes the harness drains: " + (options.DrainEveryMs == 0
            ? "a thread of its own blocked in read(2) on each, so every line a subject writes wakes it, and its few microseconds of work land on the subject's pinned CPU inside that invocation, as they would with a log collector sharing the function's CPU; --drain-every N reads in batches instead)."
            : "read at most every " + options.DrainEveryMs.ToString(CultureInfo.InvariantCulture) + " ms, in batches (--drain-every), so a subject's writes do not wake the reader each time, as with a batching log collector)."),
        ["spawn"] = "t0 → Process.Start returned (.NET returns once the exec has succeeded): the harness's own fork + exec. It is inside every cold figure below and the same for every subject of a platform, so subtract it to compare what the subjects themselves do. It is shorter on server platforms when the harness has a CPU of its own there (see CPU): the harness then returns from Process.Start while the child runs, instead of after the child's first time slice.",
        ["exec→ready"] = "poll: the emulator's arrival timestamp of the child's first poll (GET …/runtime/invocation/next on aws and scf, GET /v1/runtime/invocation/request on huawei) − t0; the event is queued before the start, so that poll is answered at once. Server: the port accepts and answers the platform's first request: the emulator's WaitForReadyAsync, ReadyInfo.FirstResponseTimestamp (the answer's last byte read) − t0. That first request is what each platform sends first: FC POST /invoke with {} (no initializer configured), the Azure host's GET / ping, GET / on cloudrun, scf-web and huawei-http; any status counts (the statuses are in the JSON, readyStatusCode).",
        ["exec→init/ready"] = "scf only: arrival of POST /runtime/init/ready − t0.",
        ["exec→accept"] = "server only: the readiness probe's first successful TCP connect (ReadyInfo.FirstAcceptedTimestamp) − t0, i.e. the port listens. " + (placement.SpinProbe
            ? "The probe connects back to back (CallerOptions.ReadyPollInterval = 0: an attempt every ~20–50 µs), so this is within tens of microseconds of the listen."
            : Invariant($"The probe waits the emulator's default interval between attempts (1 ms, which took {timerDelayMs:F1} ms here; see CPU), so this is up to that late.")),
        ["exec→first response"] = "poll: the emulator's timestamp when the response POST for the queued event was fully received − t0. Server: once ready, the harness sends the event as the platform does and this is the caller's timestamp of the answer's last byte − t0 (so it is one request after exec→ready). The events: FC POST /invoke (body = the event); Azure POST /echo with the host's queue payload {\"Data\":{\"myQueueItem\":<the event as a string>},\"Metadata\":{…}}, chunked as the host sends it; cloudrun, scf-web and huawei-http POST / with Content-Type: application/json and the event as the body. Every answer must count as a success by the platform's rule (FC: x-fc-status 200; Azure: the host's reading: 2xx, JSON Content-Type, a JSON object; the others: 2xx) and carry the event back (Azure: as ReturnValue; the floor answers Azure with a fixed envelope, ReturnValue null).",
        ["cold statistics"] = Invariant($"median and p90 over {options.Runs} runs, each with a fresh emulator and a fresh process, subjects interleaved with a rotating order; one unmeasured cold start per subject first. Percentiles interpolate linearly between closest ranks."),
        ["×floor"] = "the subject's median divided by the floor's median on the same platform. Both include the spawn, which dilutes the ratio: (subject − spawn) / (floor − spawn) is the ratio of the processes' own work.",
        ["warm round trip"] = Invariant($"one process, {options.Warm:N0} invocations one after another, p50 and p99 over all of them, first invocation included. Poll: the next event is queued when the previous is answered; per invocation, the emulator's timestamp of handing out the event on the poll → the response fully received. Server: after the readiness probe, the events go one after another through the emulator's keep-alive caller (CallerOptions.RecordExchanges = false), the same connection throughout unless a note says otherwise; per invocation, the caller's timestamp just before the request's first byte is written → the answer's last byte read (ReceivedResponse.RoundTrip). Both include the emulator's own work on the exchange, which differs between the models (Kestrel in the poll emulators, a raw-socket client in the server ones): compare subjects within a platform, not across models."),
        ["warm p50 − floor"] = "the subject's warm p50 minus the floor's, same platform, microseconds.",
        ["layered subjects"] = "echo+1layer, echo+3layers and echo+metrics run the echo subject's own executable with FAAS_LAYERS_DIR = artifacts/bench/<subject>/layers in its environment; each layer folder there holds a copy of the layer's native library (a copy: the dynamic loader would hand back the already-loaded library for the same file) and its layer.json. " + (options.Layers switch
        {
            "all" => "They run on every platform measured (--layers all).",
            "none" => "They were not measured (--layers none).",
            _ => "They run on the aws platform only (the default; --layers all runs them everywhere).",
        }),
        ["− echo"] = "a layered subject against plain echo on the same platform: exec→ready and first response as the difference of the medians (and, for exec→ready, the median of the per-round differences: the subjects are interleaved, so each round pairs runs made close together), warm p50 and p99 as the difference of the percentiles; the per-layer figures divide by the number of layers.",
        ["RSS"] = "VmRSS of the child from /proc/<pid>/status half-way through the warm run and after all of it (equal = not growing, the warm-up growth of a garbage-collected process being over by half-way), and VmHWM (peak RSS) at the end; rssEvery1000Kb in the JSON has the whole curve.",
        ["binary"] = "size of the published executable (symbols stripped into a separate .dbg file, not counted).",
        ["CPU"] = CpuDefinition(options, placement, timerDelayMs),
        ["SIGTERM→exit"] = "exit codes seen after the harness sent SIGTERM at the end of each cold run, and the median time from the signal to the exit (on server platforms the bootstrap stops accepting and closes the kept-alive connection first).",
    };

    private static string CpuDefinition(HarnessOptions options, CpuPlacement placement, double timerDelayMs)
    {
        string timer = Invariant($"Task.Delay(1) took {timerDelayMs:F1} ms on average in this run: .NET timers run on a coarse clock (Environment.TickCount64), which advances in steps of the kernel's tick (4 ms at CONFIG_HZ=250)");
        if (!options.Pin)
        {
            return "not pinned (--no-pin): harness, emulator and subjects run wherever the scheduler puts them; on a small VM warm round trips then vary from run to run with cross-CPU wake-ups. "
                + (placement.SpinProbe
                    ? "The server readiness probe connects back to back, so on a busy machine it may share the starting subject's CPU."
                    : "One CPU: the server readiness probe keeps the emulator's default interval (1 ms; " + timer + ").");
        }

        string text = "the harness (emulator included) and every subject run pinned to one CPU (sched_setaffinity; children inherit it), so a subject sees one CPU (Environment.ProcessorCount = 1, which is also what .NET reports under a fractional CPU quota such as a small Lambda function). Why: on the 2-vCPU VM this harness was written on, a wake-up across vCPUs costs tens of microseconds and landed differently from run to run (unpinned, the floor's warm p50 came out at 22 µs in one run and 70 µs in the next), which hid the differences being measured. --no-pin turns this off.";
        if (placement.ProbeCpu is int probe)
        {
            text += Invariant($" One exception, the cold starts of server platforms: there the harness moves to CPU {probe} and each subject is started pinned to CPU {placement.SubjectCpu} (its Cpus_allowed_list is checked), so the emulator's readiness probe can connect back to back without taking the starting subject's CPU. With its default 1 ms interval it could have been late by more than a whole start ({timer}). The cost: server ready and first-response times include cross-CPU wake-ups (subject woken by the probe's connect and request, harness by the answer) that poll times do not. Warm runs of server platforms are on CPU {placement.SubjectCpu}, like everything else.");
        }
        else
        {
            text += " Only one CPU is allowed, so the server readiness probe keeps the emulator's default interval (1 ms; " + timer + "): server ready times are up to that late.";
        }

        return text;
    }

    /// <summary>What the emulator's 1 ms readiness interval really lasts here: the mean of ten Task.Delay(1).</summary>
    private static async Task<double> TimerDelayMsAsync(CancellationToken cancellationToken)
    {
        const int Delays = 10;
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < Delays; i++)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }

        return Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds / Delays, 2);
    }

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
