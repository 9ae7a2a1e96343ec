using Runtime.Engine.Errors;

namespace Runtime.Engine.Layers;

/// <summary>A layer's setting does not parse; the message names the layer and the setting.</summary>
public sealed class LayerConfigurationException : FaaSRuntimeException
{
    /// <summary>Creates the exception.</summary>
    public LayerConfigurationException(string layerName, string message)
        : base(ErrorTypes.ConfigInvalid, $"Layer '{layerName}': {message}")
    {
        LayerName = layerName;
    }

    /// <summary>The layer whose setting is wrong.</summary>
    public string LayerName { get; }
}
