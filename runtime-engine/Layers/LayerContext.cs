using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Engine.Functions;
using Runtime.Engine.Lifecycle;
using Serilog;

namespace Runtime.Engine.Layers;

/// <summary>What a layer sees in <see cref="FaaSLayer.Configure"/>: its settings, the services, and where to add hooks, middleware or a handler.</summary>
public sealed class LayerContext
{
    private readonly List<RuntimeHook> _hooks = new();
    private readonly List<Func<InvokeDelegate, InvokeDelegate>> _middleware = new();

    internal LayerContext(string name, LayerSettings settings, IServiceCollection services, FunctionInfo function, ILogger logger)
    {
        Name = name;
        Settings = settings;
        Services = services;
        Function = function;
        Logger = logger;
    }

    /// <summary>The layer's name.</summary>
    public string Name { get; }

    /// <summary>The layer's manifest settings and the environment.</summary>
    public LayerSettings Settings { get; }

    /// <summary>The function's services, still open for registration.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The deployed function.</summary>
    public FunctionInfo Function { get; }

    /// <summary>A logger whose events carry the layer's name.</summary>
    public ILogger Logger { get; }

    internal IReadOnlyList<RuntimeHook> Hooks => _hooks;

    internal IReadOnlyList<Func<InvokeDelegate, InvokeDelegate>> Middleware => _middleware;

    internal Func<IServiceProvider, IFunctionHandler>? Handler { get; private set; }

    /// <summary>Adds a hook; it runs in the layer's place among layers, outside the function's own hooks.</summary>
    public LayerContext AddHook(RuntimeHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        _hooks.Add(hook);
        return this;
    }

    /// <summary>Adds invoke middleware; layers' middleware wraps the function's own.</summary>
    public LayerContext UseMiddleware(Func<InvokeDelegate, InvokeDelegate> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>
    /// Makes this layer the function's handler (as an adapter for an existing application is): it serves every
    /// invocation in place of the registered functions. At most one layer may do this.
    /// </summary>
    public LayerContext UseHandler(Func<IServiceProvider, IFunctionHandler> factory)
    {
        Handler = factory ?? throw new ArgumentNullException(nameof(factory));
        return this;
    }
}
