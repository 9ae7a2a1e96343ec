using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.ColdStart;

/// <summary>
/// One cold start on a server platform: a fresh emulator (the caller) with a free port, t0 =
/// <see cref="Stopwatch.GetTimestamp"/> immediately before <c>Process.Start</c>, then the emulator's readiness probe
/// (connect until the port accepts, then the platform's first request until it is answered; back to back from the
/// harness's own CPU when <see cref="CpuPlacement"/> gives it one), then the event as the platform sends it. The child
/// is then stopped with SIGTERM. Every wait has an upper bound; none is used for ordering.
/// </summary>
internal static class ServerColdStartRunner
{
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_sigtermGrace = TimeSpan.FromSeconds(5);

    public static async Task<ColdRunSample> RunOnceAsync(
        Subject subject, string root, Platform platform, byte[] payload, int run, CpuPlacement placement, CancellationToken cancellationToken)
    {
        string who = subject.Name + " (" + Platforms.Name(platform) + ", cold run " + run + ")";
        await using ServerTarget target = ServerTarget.Create(platform, payload, subject, placement.ColdReadyPollInterval);

        // Leave the harness nothing to collect while the child starts (the emulator shares this process).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        int? childCpu = placement.ServerColdChildCpu;
        await using ChildProcess child = subject.Start(root, target.Environment, out long t0, childCpu);
        ReadyInfo ready = await Waits.ForReadyAsync(target, child, s_readyTimeout, who, cancellationToken).ConfigureAwait(false);
        ServerAnswer answer = await Waits.ForAnswerAsync(target.SendEventAsync(cancellationToken), child, "answer to the event", who)
            .ConfigureAwait(false);
        Waits.RequireSuccess(answer, who);
        if (childCpu is int cpu && child.AllowedCpus() != cpu.ToString(CultureInfo.InvariantCulture))
        {
            // The probe would then have shared the child's CPU, which the figures must not include.
            throw new HarnessException(who + " ran on CPUs " + child.AllowedCpus() + ", not on CPU " + cpu + " alone");
        }

        StopResult stop = await child.StopAsync(s_sigtermGrace).ConfigureAwait(false);
        return new ColdRunSample
        {
            Run = run,
            SpawnMs = Milliseconds(t0, child.StartReturnedTimestamp),
            ExecToAcceptMs = Milliseconds(t0, ready.FirstAcceptedTimestamp),
            ExecToReadyMs = Milliseconds(t0, ready.FirstResponseTimestamp),
            ReadyConnectAttempts = ready.ConnectAttempts,
            ReadyStatusCode = ready.FirstResponse.StatusCode,
            ExecToFirstResponseMs = Milliseconds(t0, answer.Response.Timestamp),
            SigtermToExitMs = Math.Round(stop.ElapsedMs, 3),
            ExitCodeAfterSigterm = stop.ExitCode,
            Killed = stop.Killed,
        };
    }

    private static double Milliseconds(long from, long to) => Math.Round((to - from) * 1000.0 / Stopwatch.Frequency, 3);
}
