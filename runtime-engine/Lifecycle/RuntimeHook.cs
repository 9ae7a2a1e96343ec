using System;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Engine.Lifecycle;

/// <summary>
/// Code that runs around the function's phases: a layer, or the user's own. Override the methods named in
/// <see cref="Phases"/>; the engine calls only those. Before-hooks run in registration order and after-hooks in
/// reverse (an onion). A hook's exception is never swallowed; what it causes depends on the phase (see
/// <see cref="FunctionRuntime"/>).
/// </summary>
public abstract class RuntimeHook
{
    /// <summary>Creates a hook named <paramref name="name"/> (named in every log line and error it causes).</summary>
    protected RuntimeHook(string name, HookPhases phases)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A hook needs a name.", nameof(name));
        }
        Name = name;
        Phases = phases;
    }

    /// <summary>The hook's name, for logs and errors.</summary>
    public string Name { get; }

    /// <summary>The phases this hook takes part in.</summary>
    public HookPhases Phases { get; }

    /// <summary>Before RuntimeStart: services may still be registered.</summary>
    public virtual ValueTask BeforeRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) => default;

    /// <summary>After RuntimeStart.</summary>
    public virtual ValueTask AfterRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) => default;

    /// <summary>Before FunctionStart: services are built, the handler is not yet constructed.</summary>
    public virtual ValueTask BeforeFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) => default;

    /// <summary>After FunctionStart: the handler is constructed and initialised.</summary>
    public virtual ValueTask AfterFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) => default;

    /// <summary>Before each invocation's middleware and handler.</summary>
    public virtual ValueTask BeforeInvokeAsync(FaaSContext context) => default;

    /// <summary>After each invocation; <paramref name="error"/> is what failed it, if anything did.</summary>
    public virtual ValueTask AfterInvokeAsync(FaaSContext context, Exception? error) => default;

    /// <summary>Before Close: the function is still there.</summary>
    public virtual ValueTask BeforeCloseAsync(CloseContext context, CancellationToken cancellationToken) => default;

    /// <summary>After Close: the function and its services are disposed.</summary>
    public virtual ValueTask AfterCloseAsync(CloseContext context, CancellationToken cancellationToken) => default;
}
