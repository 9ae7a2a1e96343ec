using System;
using System.Threading;

namespace Runtime.Layers.Metrics.Tests;

/// <summary>A clock the test moves: wall time fixed until set, timestamps in microseconds advanced by hand.</summary>
internal sealed class FakeClock : TimeProvider
{
    private long _timestamp;

    public DateTimeOffset UtcNow { get; set; } = new(2026, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    public override long TimestampFrequency => 1_000_000;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public override long GetTimestamp() => Interlocked.Read(ref _timestamp);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _timestamp, (long)(by.TotalMilliseconds * 1000));
}
