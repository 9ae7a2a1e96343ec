using System.Collections.Generic;

namespace Runtime.ColdStart;

/// <summary>The cold starts of one subject on one platform.</summary>
internal sealed class ColdStartResult
{
    public int Runs { get; init; }

    /// <summary>t0 → <c>Process.Start</c> returned: the part of every figure that is the harness spawning the child.</summary>
    public Summary SpawnMs { get; init; } = new();

    public Summary ExecToReadyMs { get; init; } = new();

    /// <summary>SCF only.</summary>
    public Summary? ExecToInitReadyMs { get; init; }

    /// <summary>Server platforms only.</summary>
    public Summary? ExecToAcceptMs { get; init; }

    public Summary ExecToFirstResponseMs { get; init; } = new();

    public Summary SigtermToExitMs { get; init; } = new();

    /// <summary>Distinct exit codes seen after SIGTERM (143 = ended by the signal itself, 137 = killed).</summary>
    public IReadOnlyList<int> ExitCodesAfterSigterm { get; init; } = new List<int>();

    public IReadOnlyList<ColdRunSample> Samples { get; init; } = new List<ColdRunSample>();
}
