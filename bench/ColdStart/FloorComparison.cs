namespace Runtime.ColdStart;

/// <summary>A subject against the floor of the same platform (medians for cold start, p50 for warm).</summary>
internal sealed class FloorComparison
{
    public double ExecToReadyRatio { get; init; }

    public double ExecToFirstResponseRatio { get; init; }

    /// <summary>Subject's warm p50 − the floor's, microseconds; null without a warm phase.</summary>
    public double? WarmP50DifferenceUs { get; init; }
}
