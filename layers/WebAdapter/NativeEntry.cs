namespace Runtime.Layers.WebAdapter;

/// <summary>Registers the layer with the engine's native plugin exports when this assembly is built as a native library.</summary>
internal static class NativeEntry
{
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Register() => Runtime.Engine.Layers.Native.NativeLayerExports.Register(static () => new WebAdapterLayer());
}
