using System;
using System.Collections.Generic;

namespace Runtime.Engine.Layers;

/// <summary>
/// The layers stacked onto the function: compiled in by the function's own code, or found at start by the bootstrap
/// (native or managed plugins). Applied at RuntimeStart in order (then name), outermost first.
/// </summary>
public sealed class LayerRegistry
{
    private readonly List<(FaaSLayer Layer, LayerOptions Options)> _layers = new();

    /// <summary>The layers, in the order they were added.</summary>
    public IReadOnlyList<(FaaSLayer Layer, LayerOptions Options)> All => _layers;

    /// <summary>Adds a layer.</summary>
    public LayerRegistry Add(FaaSLayer layer, LayerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        _layers.Add((layer, options ?? new LayerOptions()));
        return this;
    }

    /// <summary>The layers in stacking order: by <see cref="LayerOptions.Order"/>, then by name.</summary>
    internal List<(FaaSLayer Layer, LayerOptions Options)> Ordered()
    {
        var ordered = new List<(FaaSLayer Layer, LayerOptions Options)>(_layers);
        ordered.Sort(static (a, b) =>
        {
            int byOrder = a.Options.Order.CompareTo(b.Options.Order);
            return byOrder != 0 ? byOrder : string.CompareOrdinal(a.Layer.Name, b.Layer.Name);
        });
        return ordered;
    }
}
