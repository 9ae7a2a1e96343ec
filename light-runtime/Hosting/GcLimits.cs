using System;

namespace Runtime.Light.Hosting;

/// <summary>
/// .NET does not see a function's memory limit (the sandbox reports the host's memory), so the runtime sets the GC
/// heap hard limit from the platform's memory setting with <see cref="GC.RefreshMemoryLimit"/> (.NET 8+; it reads
/// the <c>GCHeapHardLimit</c> AppContext value and works under native AOT, checked here).
/// </summary>
internal static class GcLimits
{
    /// <summary>Applies <paramref name="percent"/> of <paramref name="memoryMb"/>; returns the limit in bytes, or 0 when left alone.</summary>
    public static ulong Apply(int memoryMb, int percent, IEnvironment environment)
    {
        if (memoryMb <= 0 || environment is not ProcessEnvironment)
        {
            // The limit is process-wide: a runtime hosted with an injected environment (tests, several runtimes in
            // one process) must not shrink the heap of the process that hosts it.
            return 0;
        }
        // A user who set the limit themselves knows better than a percentage.
        if (environment.Get(RuntimeEnv.DotnetGcHeapHardLimit) is not null || environment.Get(RuntimeEnv.DotnetGcHeapHardLimitPercent) is not null)
        {
            return 0;
        }
        ulong limit = (ulong)memoryMb * 1024 * 1024 * (ulong)percent / 100;
        AppContext.SetData("GCHeapHardLimit", limit);
        GC.RefreshMemoryLimit();
        return limit;
    }
}
