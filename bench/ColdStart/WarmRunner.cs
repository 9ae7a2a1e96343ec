using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.ColdStart;

/// <summary>
/// One long-lived child, M invocations one after another (the next is queued when the previous is answered). Each
/// round trip is the emulator's: the event handed out on <c>/next</c> → the response body fully received. VmRSS is
/// sampled half-way and at the end, with the peak (VmHWM), and every 1,000 invocations.
/// </summary>
internal static class WarmRunner
{
    private const int EarlySample = 1_000;
    private static readonly TimeSpan s_invocationTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_sigtermGrace = TimeSpan.FromSeconds(5);
    private static readonly (string Name, double P)[] s_ladder =
    {
        ("p1", 0.01), ("p5", 0.05), ("p10", 0.10), ("p25", 0.25), ("p75", 0.75), ("p95", 0.95), ("p99.9", 0.999),
    };

    public static async Task<WarmResult> RunAsync(
        Subject subject, string executable, Platform platform, byte[] payload, int count, CancellationToken cancellationToken)
    {
        string who = subject.Name + " (" + Emulators.Name(platform) + ", warm)";
        var roundTripsUs = new double[count];
        // RSS at half-way and at the end: equal means the process has stopped growing (a GC'd process grows until its
        // gen0 budget is in use, so an early sample only shows warm-up).
        int earlyAfter = Math.Max(1, count / 2);
        long rssEarly = 0;
        await using IRuntimeApiEmulator emulator = await Emulators.StartAsync(platform, cancellationToken).ConfigureAwait(false);
        await using ChildProcess child = ChildProcess.Start(executable, emulator.Environment, out _);

        // A long run drains the child's output from the start, so a chatty subject never blocks on a full pipe.
        child.StartDraining();
        var rssSeries = new List<long>();
        int gcBefore = GC.CollectionCount(0);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            PendingInvocation invocation = emulator.Enqueue(payload);
            InvocationOutcome outcome;
            try
            {
                outcome = await Waits.ForAsync(invocation.Completion, child, s_invocationTimeout, "response", who, cancellationToken)
                    .ConfigureAwait(false);
                Waits.RequireEcho(outcome, payload, who);
            }
            catch (HarnessException ex)
            {
                // The invocation number only on failure: nothing is formatted per invocation on the way.
                throw new HarnessException("invocation " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + ex.Message);
            }

            roundTripsUs[i] = (outcome.CompletedTimestamp - outcome.DeliveredTimestamp) * 1_000_000.0 / Stopwatch.Frequency;
            if ((i + 1) % EarlySample == 0 || i + 1 == earlyAfter)
            {
                long rss = child.ReadMemory().RssKb;
                rssSeries.Add(rss);
                if (i + 1 == earlyAfter)
                {
                    rssEarly = rss;
                }
            }
        }

        double wallSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        int harnessGcs = GC.CollectionCount(0) - gcBefore;
        long harnessAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        (long rssEnd, long peak) = child.ReadMemory();
        await child.StopAsync(s_sigtermGrace).ConfigureAwait(false);

        Array.Sort(roundTripsUs);
        var ladder = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((string name, double p) in s_ladder)
        {
            ladder[name] = Math.Round(Percentiles.Of(roundTripsUs, p), 1);
        }

        return new WarmResult
        {
            Invocations = count,
            RoundTripUs = Percentiles.Summarize(roundTripsUs, 1),
            RoundTripLadderUs = ladder,
            RssEarlyAfter = earlyAfter,
            RssEarlyKb = rssEarly,
            RssEndKb = rssEnd,
            PeakRssKb = peak,
            RssEvery1000Kb = rssSeries,
            WallSeconds = Math.Round(wallSeconds, 3),
            HarnessGcCount = harnessGcs,
            HarnessAllocatedBytesPerInvocation = harnessAllocated / count,
        };
    }
}
