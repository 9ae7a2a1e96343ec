using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.ColdStart;

/// <summary>
/// One cold start on a poll platform: a fresh emulator with one event queued, t0 = <see cref="Stopwatch.GetTimestamp"/> immediately before
/// <c>Process.Start</c>, then the emulator's own timestamps of the first poll (and SCF's init/ready) and of the complete
/// response. The child is then stopped with SIGTERM. Every wait has an upper bound; none is used for ordering.
/// </summary>
internal static class ColdStartRunner
{
    private static readonly TimeSpan s_signalTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_sigtermGrace = TimeSpan.FromSeconds(5);

    public static async Task<(ColdRunSample Sample, string? Note)> RunOnceAsync(
        Subject subject, string root, Platform platform, byte[] payload, int run, CancellationToken cancellationToken)
    {
        string who = subject.Name + " (" + Platforms.Name(platform) + ", cold run " + run + ")";
        await using IRuntimeApiEmulator emulator = await Emulators.StartAsync(platform, cancellationToken).ConfigureAwait(false);
        PendingInvocation invocation = emulator.Enqueue(payload);

        // Leave the harness nothing to collect while the child starts (the emulator shares this process).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        await using ChildProcess child = subject.Start(root, emulator.Environment, out long t0);
        RecordedRequest firstPoll = await Waits.ForAsync(emulator.FirstPoll, child, s_signalTimeout, "first poll", who, cancellationToken)
            .ConfigureAwait(false);
        InvocationOutcome outcome = await Waits.ForAsync(invocation.Completion, child, s_signalTimeout, "response to the event", who, cancellationToken)
            .ConfigureAwait(false);
        Waits.RequireEcho(outcome, payload, who);

        double? initReadyMs = null;
        string? note = null;
        if (emulator is ScfRuntimeApiEmulator scf)
        {
            if (scf.InitReady.IsCompletedSuccessfully)
            {
                initReadyMs = Milliseconds(t0, scf.InitReady.Result.Timestamp);
            }

            if (scf.PolledBeforeReady || !scf.InitReady.IsCompleted)
            {
                note = subject.Name + " (scf) polled /runtime/invocation/next before POST /runtime/init/ready";
            }
        }

        StopResult stop = await child.StopAsync(s_sigtermGrace).ConfigureAwait(false);
        var sample = new ColdRunSample
        {
            Run = run,
            SpawnMs = Milliseconds(t0, child.StartReturnedTimestamp),
            ExecToReadyMs = Milliseconds(t0, firstPoll.Timestamp),
            ExecToInitReadyMs = initReadyMs,
            ExecToFirstResponseMs = Milliseconds(t0, outcome.CompletedTimestamp),
            SigtermToExitMs = Math.Round(stop.ElapsedMs, 3),
            ExitCodeAfterSigterm = stop.ExitCode,
            Killed = stop.Killed,
        };
        return (sample, note);
    }

    private static double Milliseconds(long from, long to) => Math.Round((to - from) * 1000.0 / Stopwatch.Frequency, 3);
}
