using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Lifecycle;

namespace Runtime.Engine.Tests;

/// <summary>A hook that records each call as "name:Phase" in a shared journal, and can be told to throw in one phase.</summary>
internal sealed class RecordingHook : RuntimeHook
{
    private readonly List<string> _journal;
    private readonly HookPhases _throwIn;

    public RecordingHook(string name, List<string> journal, HookPhases throwIn = HookPhases.None, HookPhases phases = HookPhases.All)
        : base(name, phases)
    {
        _journal = journal;
        _throwIn = throwIn;
    }

    public Exception? SeenError { get; private set; }

    public override ValueTask BeforeRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) => Record(HookPhases.BeforeRuntimeStart);

    public override ValueTask AfterRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) => Record(HookPhases.AfterRuntimeStart);

    public override ValueTask BeforeFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) => Record(HookPhases.BeforeFunctionStart);

    public override ValueTask AfterFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) => Record(HookPhases.AfterFunctionStart);

    public override ValueTask BeforeInvokeAsync(FaaSContext context) => Record(HookPhases.BeforeInvoke);

    public override ValueTask AfterInvokeAsync(FaaSContext context, Exception? error)
    {
        SeenError = error;
        return Record(HookPhases.AfterInvoke);
    }

    public override ValueTask BeforeCloseAsync(CloseContext context, CancellationToken cancellationToken) => Record(HookPhases.BeforeClose);

    public override ValueTask AfterCloseAsync(CloseContext context, CancellationToken cancellationToken) => Record(HookPhases.AfterClose);

    private ValueTask Record(HookPhases phase)
    {
        lock (_journal)
        {
            _journal.Add(Name + ":" + phase);
        }
        if ((_throwIn & phase) != 0)
        {
            throw new InvalidOperationException($"{Name} fails in {phase}");
        }
        return default;
    }
}
