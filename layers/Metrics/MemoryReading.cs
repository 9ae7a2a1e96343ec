namespace Runtime.Layers.Metrics;

/// <summary>Which memory figure each invocation records (the <c>memory</c> setting).</summary>
internal enum MemoryReading
{
    /// <summary>
    /// Bytes in use on the managed heap, <see cref="System.GC.GetTotalMemory(bool)"/> without a collection: tens of
    /// nanoseconds and allocation-free, and the figure the GC heap hard limit (set from the platform's memory) is checked against.
    /// </summary>
    Heap,

    /// <summary>The process's resident set, from /proc/self/statm through a handle kept open (<see cref="ResidentMemory"/>): a microsecond or two per call.</summary>
    WorkingSet,

    /// <summary>No memory figure.</summary>
    Off,
}
