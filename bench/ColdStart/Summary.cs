namespace Runtime.ColdStart;

/// <summary>Order statistics of one metric's samples (same unit as the samples).</summary>
internal sealed class Summary
{
    public int Count { get; init; }

    public double Min { get; init; }

    public double Median { get; init; }

    public double P90 { get; init; }

    public double P99 { get; init; }

    public double Max { get; init; }

    public double Mean { get; init; }
}
