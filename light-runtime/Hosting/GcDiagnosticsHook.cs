using System;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Lifecycle;
using Serilog;

namespace Runtime.Light.Hosting;

/// <summary>
/// <c>FAAS_DIAGNOSTICS_GC=N</c>: after every N-th invocation, one Information line with the process's GC collection
/// counts per generation, the GC heap size after the last collection and the bytes allocated so far. A process cannot
/// be asked for its GC counts from outside (native AOT has no diagnostics port), so a soak run reads them here. The
/// line is written before the invocation's answer is sent, so a caller that has the N-th answer can wait for it.
/// </summary>
internal sealed class GcDiagnosticsHook : RuntimeHook
{
    private readonly int _every;
    private readonly ILogger _logger;
    private long _invocations;

    public GcDiagnosticsHook(int every, ILogger logger)
        : base("gc-diagnostics", HookPhases.AfterInvoke)
    {
        _every = every;
        _logger = logger.ForContext<GcDiagnosticsHook>();
    }

    public override ValueTask AfterInvokeAsync(FaaSContext context, Exception? error)
    {
        long done = Interlocked.Increment(ref _invocations);
        if (done % _every == 0)
        {
            GCMemoryInfo last = GC.GetGCMemoryInfo();
            _logger.Information(
                "GC after {Invocations} invocations: {Gen0} gen0, {Gen1} gen1, {Gen2} gen2 collections; {HeapBytes} heap bytes after the last; {AllocatedBytes} bytes allocated",
                done, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), last.HeapSizeBytes,
                GC.GetTotalAllocatedBytes(precise: false));
        }
        return default;
    }
}
