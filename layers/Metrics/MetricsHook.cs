using System;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Engine.Lifecycle;

namespace Runtime.Layers.Metrics;

/// <summary>
/// The layer's one hook. AfterFunctionStart stamps the end of init; BeforeInvoke stamps the invocation's start;
/// AfterInvoke (which the engine runs for every invocation, even when a BeforeInvoke hook or the handler threw, and
/// hands the exception) builds the record and emits the line. All three finish synchronously, so the engine's layer
/// wrapper adds no task and no timer.
/// </summary>
internal sealed class MetricsHook : RuntimeHook
{
    /// <summary>Concurrent invocations tracked without allocating (see <see cref="InFlightTable"/>).</summary>
    private const int InFlightSlots = 256;

    private readonly MetricsEmitter _emitter;
    private readonly TimeProvider _clock;
    private readonly long _runtimeStart;
    private readonly MemoryReading _memory;

    /// <summary>The statm reader when the setting is rss; kept for the process's life, as the hook is.</summary>
    private readonly ResidentMemory? _resident;
    private readonly InFlightTable _inFlight = new(InFlightSlots);
    private double _initDurationMs = double.NaN;

    public MetricsHook(string name, MetricsEmitter emitter, TimeProvider clock, long runtimeStart, MemoryReading memory)
        : base(name, HookPhases.AfterFunctionStart | HookPhases.BeforeInvoke | HookPhases.AfterInvoke)
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

    public override ValueTask BeforeInvokeAsync(FaaSContext context)
    {
        _inFlight.Begin(context, _clock.GetTimestamp());
        return default;
    }

    public override ValueTask AfterInvokeAsync(FaaSContext context, Exception? error)
    {
        long end = _clock.GetTimestamp();
        double durationMs = _inFlight.TryEnd(context, out long start) ? _clock.GetElapsedTime(start, end).TotalMilliseconds : double.NaN;
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
