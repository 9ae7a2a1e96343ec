using System;
using Runtime.Engine.Errors;

namespace Runtime.Engine.Layers;

/// <summary>A layer could not be loaded (missing file, unreadable manifest, wrong ABI version, ...); the message names the layer.</summary>
public sealed class LayerLoadException : FaaSRuntimeException
{
    /// <summary>Creates the exception for layer <paramref name="layerName"/>.</summary>
    public LayerLoadException(string layerName, string problem, Exception? innerException = null)
        : base("Runtime.LayerLoadFailed", $"Layer '{layerName}' cannot be loaded: {problem}", innerException)
    {
        LayerName = layerName;
    }

    /// <summary>The layer that failed to load.</summary>
    public string LayerName { get; }
}
