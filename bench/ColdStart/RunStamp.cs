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

    public int Runs { get; init; }

    public int WarmInvocations { get; init; }

    public IReadOnlyList<string> Platforms { get; init; } = new List<string>();

    /// <summary>The event every invocation carries.</summary>
    public string Payload { get; init; } = string.Empty;
}
