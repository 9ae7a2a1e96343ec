using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Http;

namespace Runtime.Engine.Functions;

/// <summary>
/// The functions this binary can serve, registered explicitly by name (no scanning, no reflection). Which one
/// serves is chosen at FunctionStart by the configured handler name (see <see cref="FunctionRouter"/>).
/// </summary>
public sealed class FunctionRegistry
{
    private readonly List<FunctionDescriptor> _functions = new();

    /// <summary>The registered functions, in registration order.</summary>
    public IReadOnlyList<FunctionDescriptor> All => _functions;

    /// <summary>Registers a handler object built by <paramref name="factory"/> (from DI services).</summary>
    public FunctionRegistry Add(string name, Func<IServiceProvider, IFunctionHandler> factory,
        FunctionLifetime lifetime = FunctionLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ValidateName(name);
        _functions.Add(new FunctionDescriptor(name, factory, lifetime));
        return this;
    }

    /// <summary>Registers a function that reads <see cref="FaaSContext.Event"/> bytes and writes <see cref="FaaSContext.Output"/>.</summary>
    public FunctionRegistry AddRaw(string name, Func<FaaSContext, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var instance = new RawDelegateHandler(handler);
        return Add(name, _ => instance);
    }

    /// <summary>Registers a function with a typed JSON event and a typed JSON result.</summary>
    public FunctionRegistry AddEvent<TEvent, TResult>(string name, JsonTypeInfo<TEvent> eventType, JsonTypeInfo<TResult> resultType,
        Func<FaaSContext, TEvent, ValueTask<TResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var instance = new EventDelegateHandler<TEvent, TResult>(eventType, resultType, handler);
        return Add(name, _ => instance);
    }

    /// <summary>Registers a function with a typed JSON event and no result (it answers with an empty body).</summary>
    public FunctionRegistry AddEvent<TEvent>(string name, JsonTypeInfo<TEvent> eventType, Func<FaaSContext, TEvent, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(handler);
        var instance = new EventOnlyDelegateHandler<TEvent>(eventType, handler);
        return Add(name, _ => instance);
    }

    /// <summary>Registers an HTTP function: it reads a request and writes a response, whatever trigger carried them.</summary>
    public FunctionRegistry AddHttp(string name, Func<FaaSContext, FaaSRequest, FaaSResponse, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var instance = new HttpDelegateHandler(handler);
        return Add(name, _ => instance);
    }

    /// <summary>
    /// Sets the user initialiser of function <paramref name="name"/>: run once at FunctionStart, after the services
    /// are built and before the first invocation (FC's <c>/initialize</c> maps here).
    /// </summary>
    public FunctionRegistry OnStart(string name, Func<IServiceProvider, CancellationToken, Task> initializer)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        FunctionDescriptor descriptor = Find(name)
            ?? throw new InvalidOperationException($"No function named '{name}' is registered; register it before its initialiser.");
        descriptor.Initializer = initializer;
        return this;
    }

    /// <summary>The function named <paramref name="name"/> (exact, case-sensitive), or null.</summary>
    public FunctionDescriptor? Find(string name)
    {
        foreach (FunctionDescriptor function in _functions)
        {
            if (string.Equals(function.Name, name, StringComparison.Ordinal))
            {
                return function;
            }
        }
        return null;
    }

    private void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A function needs a non-empty name.", nameof(name));
        }
        if (Find(name) is not null)
        {
            throw new InvalidOperationException($"A function named '{name}' is already registered.");
        }
    }
}
