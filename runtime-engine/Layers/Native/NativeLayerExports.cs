using System;
using System.Threading;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// The layer side of the native plugin ABI (docs/layer-abi.md). A layer published as a native-AOT shared library
/// registers itself here from a <c>[ModuleInitializer]</c>; the C entry points the library exports then serve that
/// layer to the bootstrap that loaded it. Written once, here, for every layer.
/// </summary>
public static unsafe partial class NativeLayerExports
{
    private static Func<FaaSLayer>? s_factory;

    /// <summary>Registers the layer this library serves; call it once, from a module initializer.</summary>
    public static void Register(Func<FaaSLayer> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (Interlocked.CompareExchange(ref s_factory, factory, null) is not null)
        {
            throw new InvalidOperationException("A native layer library serves one layer; Register was called twice.");
        }
    }

    internal static Func<FaaSLayer>? Factory => Volatile.Read(ref s_factory);

    /// <summary>
    /// While the registered factory runs: the name the manifest that loaded this layer gives it. A layer meant to be
    /// deployed under several names (one library, several folders) takes its <see cref="FaaSLayer.Name"/> from here.
    /// </summary>
    public static string? RequestedName { get; internal set; }

    /// <summary>Takes the registration a managed plugin's module initializer just made, leaving the slot free for the next.</summary>
    internal static Func<FaaSLayer>? TakeRegistration() => Interlocked.Exchange(ref s_factory, null);
}
