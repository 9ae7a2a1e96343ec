namespace Runtime.Engine.Layers;

/// <summary>What a layer's failure does to the function (the manifest's <c>failure</c> setting).</summary>
public enum LayerFailurePolicy
{
    /// <summary>The function fails with the layer: at start, an init error; at invoke, that invocation's error. The default.</summary>
    Closed,

    /// <summary>The function goes on without the layer: the failure is logged at Error, naming the layer, and the layer's step is skipped.</summary>
    Open,
}
