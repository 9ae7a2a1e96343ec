using System;
using System.Diagnostics;
using System.Threading;

namespace Runtime.Layers.Metrics.Tests;

/// <summary>
/// A clock the test moves: wall time fixed until set; timestamps are <see cref="Stopwatch"/>'s plus what the test
/// advanced by hand, so they share the clock of <see cref="Runtime.Engine.FaaSContext.StartTimestamp"/>, which the
/// layer times invocations from. A duration read through it is the advanced time plus the little real time that passed:
/// assert it with <see cref="AssertAdvanced"/>.
/// </summary>
internal sealed class FakeClock : TimeProvider
{
    private long _advanced;

    public DateTimeOffset UtcNow { get; set; } = new(2026, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public override long GetTimestamp() => Stopwatch.GetTimestamp() + Interlocked.Read(ref _advanced);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _advanced, (long)(by.TotalSeconds * Stopwatch.Frequency));

    /// <summary>Asserts a duration in ms is <paramref name="advancedMs"/> plus at most a few seconds of real time (a slow CI machine).</summary>
    public static void AssertAdvanced(double advancedMs, double actualMs) => Xunit.Assert.InRange(actualMs, advancedMs, advancedMs + 5000);
}
