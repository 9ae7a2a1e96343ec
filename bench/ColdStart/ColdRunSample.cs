namespace Runtime.ColdStart;

/// <summary>One cold start: milliseconds from just before <c>Process.Start</c> (t0) to each event the emulator saw.</summary>
internal sealed class ColdRunSample
{
    public int Run { get; init; }

    /// <summary>t0 → <c>Process.Start</c> returned (the harness's fork + exec; the child is already running by then).</summary>
    public double SpawnMs { get; init; }

    /// <summary>Poll: the first poll's arrival − t0. Server: the readiness probe's answer fully read − t0.</summary>
    public double ExecToReadyMs { get; init; }

    /// <summary>SCF only: first <c>POST /runtime/init/ready</c> arrival − t0.</summary>
    public double? ExecToInitReadyMs { get; init; }

    /// <summary>Server only: the readiness probe's first successful TCP connect − t0.</summary>
    public double? ExecToAcceptMs { get; init; }

    /// <summary>Server only: connect attempts the readiness probe made (refused ones included).</summary>
    public int? ReadyConnectAttempts { get; init; }

    /// <summary>Server only: the status the subject answered the readiness probe with (any status counts as ready).</summary>
    public int? ReadyStatusCode { get; init; }

    /// <summary>Poll: the event's response fully received − t0. Server: the answer to the event (sent once ready) fully read − t0.</summary>
    public double ExecToFirstResponseMs { get; init; }

    /// <summary>SIGTERM sent → child exited.</summary>
    public double SigtermToExitMs { get; init; }

    public int ExitCodeAfterSigterm { get; init; }

    /// <summary>True when the child did not exit within the grace period after SIGTERM and was killed.</summary>
    public bool Killed { get; init; }
}
