using System.Collections.Generic;

namespace Runtime.Soak;

/// <summary>One soak's size and bars.</summary>
/// <param name="Invocations">Invocations per platform.</param>
/// <param name="SampleEvery">Invocations between samples (also the child's <c>FAAS_DIAGNOSTICS_GC</c>).</param>
/// <param name="WarmupPercent">Share of the run at the start that is warm-up, at least; warm-up also lasts until the child's second gen0 collection.</param>
/// <param name="RssDriftKb">Most VmRSS may move (max − min) after warm-up.</param>
/// <param name="HeapDriftKb">Most the floor of the GC heap after a collection may rise from the first half after warm-up to the second.</param>
/// <param name="Environment">More variables for the bootstrap (none by default).</param>
internal sealed record SoakSettings(int Invocations, int SampleEvery, int WarmupPercent = 10, long RssDriftKb = 1024, long HeapDriftKb = 1024,
    IReadOnlyDictionary<string, string>? Environment = null);
