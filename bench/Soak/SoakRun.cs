using System.Collections.Generic;

namespace Runtime.Soak;

/// <summary>One platform's soak: what was sampled, and the verdict.</summary>
internal sealed record SoakRun(
    string Platform,
    string Model,
    int Invocations,
    int SampleEvery,
    double WallSeconds,
    int ChildExitCode,
    int ChildErrorLines,
    IReadOnlyList<SoakSample> Samples,
    SoakVerdict Verdict);
