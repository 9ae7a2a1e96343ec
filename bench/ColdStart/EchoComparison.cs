namespace Runtime.ColdStart;

/// <summary>
/// A layered subject against plain echo on the same platform: the differences of the medians (cold) and of the warm
/// p50/p99, in total and per layer.
/// </summary>
internal sealed class EchoComparison
{
    public int Layers { get; init; }

    /// <summary>The layers' native libraries, bytes in all.</summary>
    public long LayerLibraryBytes { get; init; }

    public double ExecToReadyDifferenceMs { get; init; }

    public double ExecToReadyDifferencePerLayerMs { get; init; }

    /// <summary>
    /// The median over the cold rounds of (this subject's exec→ready − echo's exec→ready in the same round): the
    /// subjects are interleaved, so this pairs runs that were close in time.
    /// </summary>
    public double ExecToReadyPairedDifferenceMs { get; init; }

    public double ExecToFirstResponseDifferenceMs { get; init; }

    public double WarmP50DifferenceUs { get; init; }

    public double WarmP50DifferencePerLayerUs { get; init; }

    public double WarmP99DifferenceUs { get; init; }
}
