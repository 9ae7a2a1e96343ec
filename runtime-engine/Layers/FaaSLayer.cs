namespace Runtime.Engine.Layers;

/// <summary>
/// A layer: code stacked onto a function at deploy time (metrics, an adapter for an existing app, ...). Written once
/// against this contract, it reaches a function compiled in (<see cref="LayerRegistry.Add"/>), as a native-AOT
/// shared library exporting the project's C ABI (see docs/layer-abi.md), or as a managed plugin assembly when the
/// bootstrap runs on the JIT. At RuntimeStart the engine calls <see cref="Configure"/>, where the layer registers its
/// hooks, invoke middleware and services, and may become the function's handler.
/// </summary>
public abstract class FaaSLayer
{
    /// <summary>The layer's name; it names the layer in every log line and error.</summary>
    public abstract string Name { get; }

    /// <summary>Registers what the layer adds to the function. An exception fails the layer (see <see cref="LayerFailurePolicy"/>).</summary>
    public abstract void Configure(LayerContext context);
}
