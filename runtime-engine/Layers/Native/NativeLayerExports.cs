using System;
using System.Collections.Generic;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// The layer side of the native plugin ABI (docs/layer-abi.md). A layer published as a native-AOT shared library
/// registers itself here from a <c>[ModuleInitializer]</c>; the C entry points the library exports then serve that
/// layer to the bootstrap that loaded it. Written once, here, for every layer. When a layer is compiled into a
/// function instead, its registration is simply never read, so any number of compiled-in layers may register.
/// </summary>
public static unsafe partial class NativeLayerExports
{
    private static readonly object s_lock = new();
    private static readonly List<Func<FaaSLayer>> s_factories = new();

    /// <summary>Registers the layer this library serves; call it once, from a module initializer.</summary>
    public static void Register(Func<FaaSLayer> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (s_lock)
        {
            s_factories.Add(factory);
        }
    }

    /// <summary>
    /// While the registered factory runs: the name the manifest that loaded this layer gives it. A layer meant to be
    /// deployed under several names (one library, several folders) takes its <see cref="FaaSLayer.Name"/> from here.
    /// </summary>
    public static string? RequestedName { get; internal set; }

    /// <summary>The one layer a native library serves; an error when it registers none or several.</summary>
    internal static Func<FaaSLayer>? Factory
    {
        get
        {
            lock (s_lock)
            {
                return s_factories.Count switch
                {
                    0 => null,
                    1 => s_factories[0],
                    _ => throw new InvalidOperationException(
                        $"This library registers {s_factories.Count} layers; a native layer library serves exactly one."),
                };
            }
        }
    }

    /// <summary>Forgets every registration (compiled-in layers' included) before a managed plugin's module initializer runs.</summary>
    internal static void ClearRegistrations()
    {
        lock (s_lock)
        {
            s_factories.Clear();
        }
    }

    /// <summary>Takes the registrations a managed plugin's module initializer just made, leaving none behind.</summary>
    internal static Func<FaaSLayer>? TakeRegistration()
    {
        lock (s_lock)
        {
            Func<FaaSLayer>? taken = s_factories.Count == 1 ? s_factories[0] : null;
            int count = s_factories.Count;
            s_factories.Clear();
            return count > 1
                ? throw new InvalidOperationException($"The plugin registers {count} layers; a layer assembly serves exactly one.")
                : taken;
        }
    }
}
