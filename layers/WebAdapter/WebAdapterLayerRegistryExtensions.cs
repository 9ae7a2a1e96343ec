using System;
using System.Threading;
using Runtime.Engine.Layers;

namespace Runtime.Layers.WebAdapter;

/// <summary>Compiles the web-app adapter layer into a function.</summary>
public static class WebAdapterLayerRegistryExtensions
{
    /// <summary>
    /// Adds the web-app adapter layer. Without <paramref name="options"/> its hooks get no engine time limit (the layer
    /// bounds the readiness wait with its own readiness timeout, and the stop with the close deadline). With options,
    /// set <see cref="LayerOptions.HookTimeout"/> above the readiness timeout, or a slow start fails as a hook time-out.
    /// </summary>
    public static LayerRegistry AddWebAdapterLayer(this LayerRegistry layers, LayerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return layers.Add(new WebAdapterLayer(), options ?? new LayerOptions { HookTimeout = Timeout.InfiniteTimeSpan });
    }
}
