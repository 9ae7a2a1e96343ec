namespace Runtime.Light.Adapters.Tencent;

/// <summary>
/// Tencent SCF's per-invocation context, from the <c>/next</c> headers: read it with
/// <c>context.GetPlatformContext&lt;ScfInvocationContext&gt;()</c>.
/// </summary>
public sealed class ScfInvocationContext
{
    internal ScfInvocationContext(int memoryLimitMb, long timeLimitMs)
    {
        MemoryLimitMb = memoryLimitMb;
        TimeLimitMs = timeLimitMs;
    }

    /// <summary>The function's memory in MB (<c>memory_limit_in_mb</c>), 0 if absent.</summary>
    public int MemoryLimitMb { get; }

    /// <summary>The execution time limit in ms (<c>time_limit_in_ms</c>, a duration), 0 if absent.</summary>
    public long TimeLimitMs { get; }
}
