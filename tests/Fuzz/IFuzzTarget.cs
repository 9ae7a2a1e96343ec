using System;

namespace Runtime.Fuzz;

/// <summary>
/// One thing to fuzz. <see cref="Run"/> returns normally for every input the target handles as documented (parsed,
/// "incomplete", or rejected with the target's own bad-input exception) and throws anything else, which the runner
/// reports as a crash: an unexpected exception from the target, or a <see cref="FuzzFailure"/> from an oracle check.
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>The name on the command line and the corpus folder name (corpus/&lt;name&gt;/).</summary>
    string Name { get; }

    /// <summary>Byte strings worth splicing into inputs (the in-process mutator's dictionary; AFL gets its own -x file).</summary>
    string[] Dictionary { get; }

    /// <summary>Most bytes one input may allocate: beyond it the input counts as unbounded allocation.</summary>
    long AllocationBound(int inputLength);

    void Run(ReadOnlySpan<byte> input);
}
