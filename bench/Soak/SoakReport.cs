using System.Collections.Generic;
using System.Linq;

namespace Runtime.Soak;

/// <summary>What <c>bench/results/soak.json</c> holds: the machine, the command, the settings and each platform's run.</summary>
internal sealed record SoakReport(
    string Date,
    string Commit,
    string Machine,
    string Command,
    SoakSettings Settings,
    IReadOnlyList<SoakRun> Runs)
{
    public bool Passed => Runs.All(static r => r.Verdict.Passed);
}
