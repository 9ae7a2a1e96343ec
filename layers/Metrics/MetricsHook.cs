using System;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Engine.Lifecycle;

namespace Runtime.Layers.Metrics;

/// <summary>
/// The layer's one hook. AfterFunctionStart stamps the end of init; AfterInvoke (which the engine runs for every
/// invocation, even when a BeforeInvoke hook or the handler threw, and hands the exception) builds the record and
/// emits the line. The duration runs from <see cref="FaaSContext.StartTimestamp"/>, the runtime's own start of the
/// invocation, so the layer needs no BeforeInvoke hook: as a native layer that is one call across the library boundary
/// an invocation instead of two (docs/benchmarks.md, Layers). Both finish synchronously, so the engine's layer wrapper
/// adds no task and no timer.
/// </summary>
internal sealed class MetricsHook : RuntimeHook
{
    private readonly MetricsEmitter _emitter;
    private readonly TimeProvider _clock;
    private readonly long _runtimeStart;
    private readonly MemoryReading _memory;

    /// <summary>The statm reader when the setting is rss; kept for the process's life, as the hook is.</summary>
    private readonly ResidentMemory? _resident;
    private double _initDurationMs = double.NaN;

    public MetricsHook(string name, MetricsEmitter emitter, TimeProvider clock, long runtimeStart, MemoryReading memory)
        : base(name, HookPhases.AfterFunctionStart | HookPhases.AfterInvoke)
    {
        _emitter = emitter;
        _clock = clock;
        _runtimeStart = runtimeStart;
        _memory = memory;
        _resident = memory == MemoryReading.WorkingSet ? new ResidentMemory() : null;
    }

    public override ValueTask AfterFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken)
    {
        _initDurationMs = _clock.GetElapsedTime(_runtimeStart).TotalMilliseconds;
        return default;
    }

    public override ValueTask AfterInvokeAsync(FaaSContext context, Exception? error)
    {
        long end = _clock.GetTimestamp();
        double durationMs = _clock.GetElapsedTime(context.StartTimestamp, end).TotalMilliseconds;
        long memory = _memory switch
        {
            MemoryReading.Heap => GC.GetTotalMemory(forceFullCollection: false),
            MemoryReading.WorkingSet => _resident!.Read(),
            _ => -1,
        };
        var record = new InvocationRecord(_clock.GetUtcNow(), context.RequestId, context.IsColdStart,
            context.IsColdStart ? _initDurationMs : double.NaN, durationMs, error is null ? null : ErrorType(error), memory);
        _emitter.Emit(in record);
        return default;
    }

    /// <summary>The error type the platform is told for <paramref name="error"/> (as <see cref="FaaSErrorFactory"/> names it), without building the report.</summary>
    internal static string ErrorType(Exception error)
    {
        while (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            error = aggregate.InnerExceptions[0];
        }
        return error is IFaaSErrorType typed ? typed.ErrorType : FaaSErrorFactory.TypeName(error);
    }
}
