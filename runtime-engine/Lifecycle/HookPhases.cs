using System;

namespace Runtime.Engine.Lifecycle;

/// <summary>Which of its methods a <see cref="RuntimeHook"/> wants called; the engine calls no others.</summary>
[Flags]
public enum HookPhases
{
    /// <summary>No phase.</summary>
    None = 0,
    /// <summary><see cref="RuntimeHook.BeforeRuntimeStartAsync"/>.</summary>
    BeforeRuntimeStart = 1 << 0,
    /// <summary><see cref="RuntimeHook.AfterRuntimeStartAsync"/>.</summary>
    AfterRuntimeStart = 1 << 1,
    /// <summary><see cref="RuntimeHook.BeforeFunctionStartAsync"/>.</summary>
    BeforeFunctionStart = 1 << 2,
    /// <summary><see cref="RuntimeHook.AfterFunctionStartAsync"/>.</summary>
    AfterFunctionStart = 1 << 3,
    /// <summary><see cref="RuntimeHook.BeforeInvokeAsync"/>.</summary>
    BeforeInvoke = 1 << 4,
    /// <summary><see cref="RuntimeHook.AfterInvokeAsync"/>.</summary>
    AfterInvoke = 1 << 5,
    /// <summary><see cref="RuntimeHook.BeforeCloseAsync"/>.</summary>
    BeforeClose = 1 << 6,
    /// <summary><see cref="RuntimeHook.AfterCloseAsync"/>.</summary>
    AfterClose = 1 << 7,
    /// <summary>Every phase.</summary>
    All = (1 << 8) - 1,
}
