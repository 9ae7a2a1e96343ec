using System.Collections.Generic;

namespace Runtime.Soak;

/// <summary>
/// The drift rules applied to one run's samples after warm-up (<see cref="DriftRules"/>): the figures they looked at
/// and each rule broken, as a sentence. <see cref="Passed"/> when none is.
/// </summary>
internal sealed record SoakVerdict(
    int WarmupEndsAt,
    int MeasuredSamples,
    long RssMinKb,
    long RssMaxKb,
    int FdsMin,
    int FdsMax,
    int ThreadsMin,
    int ThreadsMax,
    long HeapMinBytes,
    long HeapMaxBytes,
    long HeapFloorFirstHalfBytes,
    long HeapFloorSecondHalfBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    double AllocatedBytesPerInvocationFirstHalf,
    double AllocatedBytesPerInvocationSecondHalf,
    IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public long RssDriftKb => RssMaxKb - RssMinKb;
}
