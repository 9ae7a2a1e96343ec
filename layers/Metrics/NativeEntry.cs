namespace Runtime.Layers.Metrics;

internal static class NativeEntry
{
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Register() => Runtime.Engine.Layers.Native.NativeLayerExports.Register(static () => new MetricsLayer());
}
