namespace Runtime.Soak;

/// <summary>
/// One sample, taken right after the harness had the answer to invocation <see cref="Invocations"/>: the child's
/// <c>/proc</c> values and its latest GC line (<see cref="ChildInvocations"/> is the child's own count at that line;
/// a server platform's readiness probe may be one more invocation than the harness sent), and the names of its threads.
/// </summary>
internal sealed record SoakSample(
    int Invocations,
    long RssKb,
    int Fds,
    int Threads,
    long ChildInvocations,
    int Gen0,
    int Gen1,
    int Gen2,
    long HeapBytes,
    long AllocatedBytes,
    string ThreadNames);
