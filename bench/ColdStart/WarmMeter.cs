using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Runtime.ColdStart;

/// <summary>
/// What a warm run records, whatever the platform model: each round trip, the child's VmRSS half-way and every 1,000
/// invocations, and at the end VmRSS and VmHWM (peak) with the harness's own GCs and allocations over the loop.
/// </summary>
internal sealed class WarmMeter
{
    private const int SeriesEvery = 1_000;
    private static readonly (string Name, double P)[] s_ladder =
    {
        ("p1", 0.01), ("p5", 0.05), ("p10", 0.10), ("p25", 0.25), ("p75", 0.75), ("p95", 0.95), ("p99.9", 0.999),
    };

    private readonly ChildProcess _child;
    private readonly double[] _roundTripsUs;
    private readonly int _earlyAfter;
    private readonly List<long> _rssSeries = new();
    private readonly int _gcBefore;
    private readonly long _allocatedBefore;
    private readonly long _started;
    private long _rssEarly;

    /// <summary>Starts the clock and the harness's GC counters; the first invocation follows.</summary>
    public WarmMeter(ChildProcess child, int count)
    {
        _child = child;
        _roundTripsUs = new double[count];

        // RSS at half-way and at the end: equal means the process has stopped growing (a GC'd process grows until its
        // gen0 budget is in use, so an early sample only shows warm-up).
        _earlyAfter = Math.Max(1, count / 2);
        _gcBefore = GC.CollectionCount(0);
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>Records invocation <paramref name="index"/> (0-based, in order) and samples RSS where due.</summary>
    public void Record(int index, double roundTripUs)
    {
        _roundTripsUs[index] = roundTripUs;
        int done = index + 1;
        if (done % SeriesEvery == 0 || done == _earlyAfter)
        {
            long rss = _child.ReadMemory().RssKb;
            _rssSeries.Add(rss);
            if (done == _earlyAfter)
            {
                _rssEarly = rss;
            }
        }
    }

    /// <summary>Ends the run (the child must still be running: its memory is read now).</summary>
    /// <param name="connectionsOpened">Server platforms: connections the caller opened during the loop.</param>
    public WarmResult Finish(int? connectionsOpened)
    {
        double wallSeconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        int harnessGcs = GC.CollectionCount(0) - _gcBefore;
        long harnessAllocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore;
        (long rssEnd, long peak) = _child.ReadMemory();

        Array.Sort(_roundTripsUs);
        var ladder = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((string name, double p) in s_ladder)
        {
            ladder[name] = Math.Round(Percentiles.Of(_roundTripsUs, p), 1);
        }

        return new WarmResult
        {
            Invocations = _roundTripsUs.Length,
            RoundTripUs = Percentiles.Summarize(_roundTripsUs, 1),
            RoundTripLadderUs = ladder,
            RssEarlyAfter = _earlyAfter,
            RssEarlyKb = _rssEarly,
            RssEndKb = rssEnd,
            PeakRssKb = peak,
            RssEvery1000Kb = _rssSeries,
            WallSeconds = Math.Round(wallSeconds, 3),
            HarnessGcCount = harnessGcs,
            HarnessAllocatedBytesPerInvocation = harnessAllocated / _roundTripsUs.Length,
            ConnectionsOpened = connectionsOpened,
        };
    }
}
