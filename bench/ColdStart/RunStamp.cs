using System.Collections.Generic;

namespace Runtime.ColdStart;

/// <summary>When, how and on what commit the figures were taken.</summary>
internal sealed class RunStamp
{
    /// <summary>ISO 8601, UTC.</summary>
    public string DateUtc { get; init; } = string.Empty;

    /// <summary>The command that reproduces the run (from the repository root).</summary>
    public string CommandLine { get; init; } = string.Empty;

    /// <summary>This process's own command line, as the OS started it.</summary>
    public string ProcessCommandLine { get; init; } = string.Empty;

    public string GitCommit { get; init; } = string.Empty;

    /// <summary>True when the working tree had uncommitted changes (the figures are then of commit + those changes).</summary>
    public bool GitDirty { get; init; }

    /// <summary>The one CPU the harness, the emulator and every subject ran on; null when not pinned (--no-pin).</summary>
    public int? PinnedCpu { get; init; }

    /// <summary>The CPU the harness moved to while server platforms were cold-started (subjects stayed on <see cref="PinnedCpu"/>); null = none.</summary>
    public int? ServerColdStartHarnessCpu { get; init; }

    /// <summary>The server readiness probe's pause between connect attempts in cold starts (0 = back to back; 1 = the emulator's default).</summary>
    public double ServerColdReadyPollIntervalMs { get; init; }

    /// <summary>Mean of ten Task.Delay(1) in the harness, ms: what a 1 ms readiness interval really lasts on this machine.</summary>
    public double TaskDelay1Ms { get; init; }

    public int Runs { get; init; }

    public int WarmInvocations { get; init; }

    public IReadOnlyList<string> Platforms { get; init; } = new List<string>();

    /// <summary>The event every invocation carries.</summary>
    public string Payload { get; init; } = string.Empty;
}
