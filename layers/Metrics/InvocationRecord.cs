using System;

namespace Runtime.Layers.Metrics;

/// <summary>What one invocation recorded; a missing figure is <see cref="double.NaN"/> (durations) or -1 (memory).</summary>
internal readonly struct InvocationRecord
{
    public InvocationRecord(DateTimeOffset timestamp, string requestId, bool coldStart, double initDurationMs, double durationMs,
        string? errorType, long memoryBytes)
    {
        Timestamp = timestamp;
        RequestId = requestId;
        ColdStart = coldStart;
        InitDurationMs = initDurationMs;
        DurationMs = durationMs;
        ErrorType = errorType;
        MemoryBytes = memoryBytes;
    }

    /// <summary>When the invocation ended (wall clock, UTC).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The platform's request id.</summary>
    public string RequestId { get; }

    /// <summary>True for the first invocation the process served.</summary>
    public bool ColdStart { get; }

    /// <summary>On the cold invocation, RuntimeStart to the end of FunctionStart in ms; NaN otherwise.</summary>
    public double InitDurationMs { get; }

    /// <summary>The runtime's start of the invocation (<see cref="Runtime.Engine.FaaSContext.StartTimestamp"/>) to this layer's AfterInvoke, in ms.</summary>
    public double DurationMs { get; }

    /// <summary>The error type the platform is told, or null when the invocation succeeded.</summary>
    public string? ErrorType { get; }

    /// <summary>Memory in use in bytes, or -1 when memory sampling is off.</summary>
    public long MemoryBytes { get; }
}
