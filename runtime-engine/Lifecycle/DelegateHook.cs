using System;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Engine.Lifecycle;

/// <summary>A hook for one phase, given as a delegate (see <see cref="LifecycleHooks"/>).</summary>
internal sealed class DelegateHook : RuntimeHook
{
    private readonly Func<RuntimeStartContext, CancellationToken, ValueTask>? _runtimeStart;
    private readonly Func<FunctionStartContext, CancellationToken, ValueTask>? _functionStart;
    private readonly Func<FaaSContext, ValueTask>? _beforeInvoke;
    private readonly Func<FaaSContext, Exception?, ValueTask>? _afterInvoke;
    private readonly Func<CloseContext, CancellationToken, ValueTask>? _close;

    public DelegateHook(string name, HookPhases phase, Func<RuntimeStartContext, CancellationToken, ValueTask> handler)
        : base(name, phase) => _runtimeStart = handler;

    public DelegateHook(string name, HookPhases phase, Func<FunctionStartContext, CancellationToken, ValueTask> handler)
        : base(name, phase) => _functionStart = handler;

    public DelegateHook(string name, Func<FaaSContext, ValueTask> handler)
        : base(name, HookPhases.BeforeInvoke) => _beforeInvoke = handler;

    public DelegateHook(string name, Func<FaaSContext, Exception?, ValueTask> handler)
        : base(name, HookPhases.AfterInvoke) => _afterInvoke = handler;

    public DelegateHook(string name, HookPhases phase, Func<CloseContext, CancellationToken, ValueTask> handler)
        : base(name, phase) => _close = handler;

    public override ValueTask BeforeRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) =>
        _runtimeStart!(context, cancellationToken);

    public override ValueTask AfterRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) =>
        _runtimeStart!(context, cancellationToken);

    public override ValueTask BeforeFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) =>
        _functionStart!(context, cancellationToken);

    public override ValueTask AfterFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) =>
        _functionStart!(context, cancellationToken);

    public override ValueTask BeforeInvokeAsync(FaaSContext context) => _beforeInvoke!(context);

    public override ValueTask AfterInvokeAsync(FaaSContext context, Exception? error) => _afterInvoke!(context, error);

    public override ValueTask BeforeCloseAsync(CloseContext context, CancellationToken cancellationToken) =>
        _close!(context, cancellationToken);

    public override ValueTask AfterCloseAsync(CloseContext context, CancellationToken cancellationToken) =>
        _close!(context, cancellationToken);
}
