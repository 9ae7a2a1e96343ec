using System.Collections.Generic;

namespace Runtime.ColdStart;

/// <summary>
/// Sequential invocations of one long-lived process: round trips (poll: event delivered → response received; server:
/// request written → answer read, both on the emulator's side) and memory.
/// </summary>
internal sealed class WarmResult
{
    public int Invocations { get; init; }

    /// <summary>Round trip in microseconds: count, min, median (p50), p90, p99, max, mean.</summary>
    public Summary RoundTripUs { get; init; } = new();

    /// <summary>More of the distribution (p1, p5, p10, p25, p75, p95, p99.9), microseconds, keyed "p1", "p99.9"...</summary>
    public IReadOnlyDictionary<string, double> RoundTripLadderUs { get; init; } = new Dictionary<string, double>();

    /// <summary>The invocation count after which <see cref="RssEarlyKb"/> was sampled (half of <see cref="Invocations"/>).</summary>
    public int RssEarlyAfter { get; init; }

    public long RssEarlyKb { get; init; }

    /// <summary>VmRSS after all invocations.</summary>
    public long RssEndKb { get; init; }

    /// <summary>VmHWM (peak RSS) after all invocations.</summary>
    public long PeakRssKb { get; init; }

    /// <summary>VmRSS after every 1,000 invocations (shows a plateau or a steady climb).</summary>
    public IReadOnlyList<long> RssEvery1000Kb { get; init; } = new List<long>();

    /// <summary>Wall time of the whole warm loop, including the harness's own work between invocations.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Garbage collections in the harness (where the emulator runs) during the loop; each pauses the emulator.</summary>
    public int HarnessGcCount { get; init; }

    /// <summary>Bytes the harness (emulator, Kestrel, this loop) allocated per invocation.</summary>
    public long HarnessAllocatedBytesPerInvocation { get; init; }

    /// <summary>Server platforms: TCP connections the caller opened during the loop (0 = one kept-alive connection throughout); null on poll platforms.</summary>
    public int? ConnectionsOpened { get; init; }
}
