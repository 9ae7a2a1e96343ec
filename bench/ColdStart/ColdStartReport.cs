using System.Collections.Generic;

namespace Runtime.ColdStart;

/// <summary>The whole result, as written to coldstart.json.</summary>
internal sealed class ColdStartReport
{
    public RunStamp Stamp { get; init; } = new();

    public MachineInfo Machine { get; init; } = new();

    /// <summary>Definitions of every metric, in words.</summary>
    public IReadOnlyDictionary<string, string> Definitions { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<SubjectResult> Results { get; init; } = new List<SubjectResult>();

    /// <summary>Anything the harness noticed that a reader should know (odd exit codes, protocol slips).</summary>
    public IReadOnlyList<string> Notes { get; init; } = new List<string>();
}
