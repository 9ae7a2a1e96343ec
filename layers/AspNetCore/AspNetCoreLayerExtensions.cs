using System;
using Microsoft.Extensions.Hosting;
using Runtime.Engine.Layers;

namespace Runtime.Layers.AspNetCore;

/// <summary>Adds an ASP.NET Core app to a function as its handler.</summary>
public static class AspNetCoreLayerExtensions
{
    /// <summary>
    /// How long starting (or stopping) the app may take by default: hosted services may warm caches or connect to a
    /// database, which the engine's 2-second default for a layer's hook does not allow for. Platforms' own init and
    /// shutdown limits still apply.
    /// </summary>
    public static readonly TimeSpan DefaultHookTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Serves every invocation with <paramref name="app"/> (built with <c>UseFaaS()</c>, not started): it starts at
    /// FunctionStart and stops at Close. <paramref name="options"/> sets the layer's place and limits; by default it
    /// fails closed and its start may take <see cref="DefaultHookTimeout"/>.
    /// </summary>
    public static LayerRegistry AddAspNetCore(this LayerRegistry layers, IHost app, LayerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return layers.Add(new AspNetCoreLayer(app), options ?? new LayerOptions { HookTimeout = DefaultHookTimeout, Source = "compiled in" });
    }
}
