using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Engine.Lifecycle;

/// <summary>
/// The hooks registered around the function's phases, in registration order. The engine snapshots them per
/// phase at start, so a phase with no hooks costs nothing per invocation.
/// </summary>
public sealed class LifecycleHooks
{
    private readonly List<RuntimeHook> _hooks = new();

    /// <summary>Every hook, in registration order.</summary>
    public IReadOnlyList<RuntimeHook> All => _hooks;

    /// <summary>Adds a hook; its <see cref="RuntimeHook.Phases"/> say which methods run.</summary>
    public LifecycleHooks Add(RuntimeHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        _hooks.Add(hook);
        return this;
    }

    /// <summary>Runs <paramref name="hook"/> before RuntimeStart.</summary>
    public LifecycleHooks BeforeRuntimeStart(string name, Func<RuntimeStartContext, CancellationToken, ValueTask> hook) =>
        Add(new DelegateHook(name, HookPhases.BeforeRuntimeStart, hook));

    /// <summary>Runs <paramref name="hook"/> after RuntimeStart.</summary>
    public LifecycleHooks AfterRuntimeStart(string name, Func<RuntimeStartContext, CancellationToken, ValueTask> hook) =>
        Add(new DelegateHook(name, HookPhases.AfterRuntimeStart, hook));

    /// <summary>Runs <paramref name="hook"/> before FunctionStart.</summary>
    public LifecycleHooks BeforeFunctionStart(string name, Func<FunctionStartContext, CancellationToken, ValueTask> hook) =>
        Add(new DelegateHook(name, HookPhases.BeforeFunctionStart, hook));

    /// <summary>Runs <paramref name="hook"/> after FunctionStart.</summary>
    public LifecycleHooks AfterFunctionStart(string name, Func<FunctionStartContext, CancellationToken, ValueTask> hook) =>
        Add(new DelegateHook(name, HookPhases.AfterFunctionStart, hook));

    /// <summary>Runs <paramref name="hook"/> before each invocation.</summary>
    public LifecycleHooks BeforeInvoke(string name, Func<FaaSContext, ValueTask> hook) => Add(new DelegateHook(name, hook));

    /// <summary>Runs <paramref name="hook"/> after each invocation, with the exception that failed it, if any.</summary>
    public LifecycleHooks AfterInvoke(string name, Func<FaaSContext, Exception?, ValueTask> hook) => Add(new DelegateHook(name, hook));

    /// <summary>Runs <paramref name="hook"/> before Close.</summary>
    public LifecycleHooks BeforeClose(string name, Func<CloseContext, CancellationToken, ValueTask> hook) =>
        Add(new DelegateHook(name, HookPhases.BeforeClose, hook));

    /// <summary>Runs <paramref name="hook"/> after Close.</summary>
    public LifecycleHooks AfterClose(string name, Func<CloseContext, CancellationToken, ValueTask> hook) =>
        Add(new DelegateHook(name, HookPhases.AfterClose, hook));

    internal RuntimeHook[] For(HookPhases phase, bool reverse)
    {
        var list = new List<RuntimeHook>();
        foreach (RuntimeHook hook in _hooks)
        {
            if ((hook.Phases & phase) != 0)
            {
                list.Add(hook);
            }
        }
        if (reverse)
        {
            list.Reverse();
        }
        return list.ToArray();
    }
}
