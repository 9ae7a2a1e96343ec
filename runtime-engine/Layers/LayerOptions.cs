using System;
using System.Collections.Generic;

namespace Runtime.Engine.Layers;

/// <summary>How one layer is stacked: its place, its failure policy, its time limit and its settings (from <c>layer.json</c>).</summary>
public sealed class LayerOptions
{
    /// <summary>Position among layers: lower first (outermost); equal orders sort by name.</summary>
    public int Order { get; init; }

    /// <summary>Whether the function fails or continues when the layer fails.</summary>
    public LayerFailurePolicy Failure { get; init; } = LayerFailurePolicy.Closed;

    /// <summary>
    /// Longest a hook of this layer may take before it counts as failed (a hanging layer cannot hang the function).
    /// Invoke hooks that finish synchronously pay nothing for it.
    /// </summary>
    public TimeSpan HookTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The manifest's settings, as text.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where the layer came from, for logs (for example its folder).</summary>
    public string? Source { get; init; }

    /// <summary>The manifest's version string, for logs.</summary>
    public string? Version { get; init; }
}
