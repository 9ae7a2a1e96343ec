using System;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Engine.Functions;
using Runtime.Engine.Functions.Aggregation;
using Runtime.Engine.Layers;
using Runtime.Engine.Lifecycle;

namespace Runtime.Engine;

/// <summary>
/// Where a function binary says what it is: its services, its functions, its hooks and its invoke middleware.
/// The host (the bootstrap) builds a <see cref="FunctionRuntime"/> from it and drives the phases.
/// </summary>
public sealed class FunctionAppBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public FunctionAppBuilder(string[]? args = null)
    {
        Args = args ?? Array.Empty<string>();
    }

    /// <summary>The command-line arguments the process got.</summary>
    public string[] Args { get; }

    /// <summary>Services, built at FunctionStart; each invocation gets a scope.</summary>
    public IServiceCollection Services { get; } = new ServiceCollection();

    /// <summary>The functions this binary serves.</summary>
    public FunctionRegistry Functions { get; } = new();

    /// <summary>Before/after hooks for every phase.</summary>
    public LifecycleHooks Hooks { get; } = new();

    /// <summary>Invoke middleware, outermost first.</summary>
    public InvokePipeline Middleware { get; } = new();

    /// <summary>
    /// Several registered functions served by this one deployed function, routed by HTTP path and trigger name. The
    /// bootstrap sets it from <c>faas-manifest.json</c> when the binary did not; null (or one function) serves the one
    /// function the handler name picks.
    /// </summary>
    public AggregationManifest? Aggregation { get; set; }

    /// <summary>Layers stacked onto the function; their hooks and middleware wrap the function's own.</summary>
    public LayerRegistry Layers { get; } = new();
}
