using System.Runtime.CompilerServices;
using Runtime.Engine.Layers.Native;

namespace ProbeLayer;

internal static class NativeEntry
{
    [ModuleInitializer]
    internal static void Register() => NativeLayerExports.Register(static () => new Probe());
}
