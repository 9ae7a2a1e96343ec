using System;
using System.Collections.Generic;

namespace Runtime.Engine;

/// <summary>
/// The invoke middleware chain layers use: each middleware gets the next step and returns its own. The first
/// registered is the outermost. The chain is composed once at FunctionStart, so it costs one delegate call per
/// middleware per invocation and nothing else.
/// </summary>
public sealed class InvokePipeline
{
    private readonly List<(string Name, Func<InvokeDelegate, InvokeDelegate> Middleware)> _middleware = new();

    /// <summary>The names of the registered middleware, outermost first.</summary>
    public IEnumerable<string> Names
    {
        get
        {
            foreach ((string name, _) in _middleware)
            {
                yield return name;
            }
        }
    }

    /// <summary>Adds a middleware named <paramref name="name"/>.</summary>
    public InvokePipeline Use(string name, Func<InvokeDelegate, InvokeDelegate> middleware)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add((name, middleware));
        return this;
    }

    internal InvokeDelegate Build(InvokeDelegate terminal)
    {
        InvokeDelegate next = terminal;
        for (int i = _middleware.Count - 1; i >= 0; i--)
        {
            next = _middleware[i].Middleware(next) ?? throw new InvalidOperationException(
                $"Middleware '{_middleware[i].Name}' returned no delegate.");
        }
        return next;
    }
}
