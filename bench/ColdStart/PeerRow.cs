namespace Runtime.ColdStart;

/// <summary>One subject of the peer run, with its ratios against the native echo bootstrap on the same platform.</summary>
internal sealed class PeerRow
{
    public string Platform { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    public double ExecToReadyMs { get; init; }

    public double ExecToFirstResponseMs { get; init; }

    public double WarmP50Us { get; init; }

    public double WarmP99Us { get; init; }

    /// <summary>VmRSS at the end of the warm run.</summary>
    public double RssMiB { get; init; }

    public double PeakRssMiB { get; init; }

    /// <summary>What is deployed (see <see cref="Subject.DeployedBytes"/>).</summary>
    public long SizeBytes { get; init; }

    /// <summary>exec→ready median over echo's on the same platform (1 for echo).</summary>
    public double ReadyVersusEcho { get; init; }

    public double FirstResponseVersusEcho { get; init; }

    public double WarmP50VersusEcho { get; init; }

    /// <summary>exec→ready median over the floor's on the same platform: the ratio a runtime that costs nothing would reach.</summary>
    public double ReadyVersusFloor { get; init; }

    /// <summary>Warm p50 over the floor's on the same platform.</summary>
    public double WarmP50VersusFloor { get; init; }

    public bool IsEcho => Subject == Subjects.EchoName;

    public bool IsNodeStarter => Subject.StartsWith("midway-", System.StringComparison.Ordinal);

    public string Label => Platform + " / " + Subject;
}
