using System;
using Runtime.Engine.Layers;

namespace Runtime.Layers.Metrics;

/// <summary>Compiles the metrics layer into a function binary.</summary>
public static class MetricsLayerRegistryExtensions
{
    /// <summary>
    /// Stacks the metrics layer onto the function. Without <paramref name="options"/> it is the outermost layer
    /// (<see cref="MetricsLayer.DefaultOrder"/>), fail closed; its settings then come from the environment.
    /// </summary>
    public static LayerRegistry AddMetricsLayer(this LayerRegistry layers, LayerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return layers.Add(new MetricsLayer(), options ?? new LayerOptions { Order = MetricsLayer.DefaultOrder });
    }
}
