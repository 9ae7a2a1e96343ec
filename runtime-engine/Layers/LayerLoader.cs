using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Runtime.Engine.Layers.Native;
using Serilog;

namespace Runtime.Engine.Layers;

/// <summary>
/// Finds the layers stacked onto a function at deploy time: every folder under the layers folder that holds a
/// <c>layer.json</c>. A native library (the native-AOT build of a layer) loads through the C ABI; a managed
/// <c>.dll</c> loads through an <see cref="AssemblyLoadContext"/>, which only a bootstrap running on the JIT can do.
/// A layer that cannot load fails the start (naming the layer) unless its manifest says <c>failure: open</c>, in
/// which case it is logged and left out. A folder without <c>layer.json</c> is not a layer and is skipped.
/// </summary>
public static class LayerLoader
{
    /// <summary>Loads the layers under <paramref name="root"/> into <paramref name="registry"/>; returns how many were added.</summary>
    public static int LoadInto(LayerRegistry registry, string root, ILogger logger)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }
        string[] folders = Directory.GetDirectories(root);
        Array.Sort(folders, StringComparer.Ordinal);
        int added = 0;
        foreach (string folder in folders)
        {
            if (!File.Exists(Path.Combine(folder, "layer.json")))
            {
                logger.Debug("Skipping {Folder}: no layer.json", folder);
                continue;
            }
            LayerManifest manifest = LayerManifest.Read(folder); // an unreadable manifest has no failure policy: it fails closed
            try
            {
                if (manifest.AbiVersion != NativeAbi.Version)
                {
                    throw new LayerLoadException(manifest.Name,
                        $"its manifest says layer ABI version {manifest.AbiVersion}; this bootstrap speaks version {NativeAbi.Version}.");
                }
                FaaSLayer layer = manifest.Library.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                    ? LoadManaged(manifest)
                    : NativeLibraryLayer.Load(manifest.Name, manifest.Library, manifest.Options);
                registry.Add(layer, manifest.Options);
                added++;
            }
            catch (LayerLoadException ex) when (manifest.Options.Failure == LayerFailurePolicy.Open)
            {
                // The manifest lets this layer fail alone: say so and start without it.
                logger.Error(ex, "Layer {Layer} is left out: {Reason} (failure: open)", manifest.Name, ex.Message);
            }
        }
        return added;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reached only when dynamic code is supported (a bootstrap on the JIT, not trimmed); a native-AOT bootstrap refuses managed plugins before this call.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reached only when dynamic code is supported; see above.")]
    private static FaaSLayer LoadManaged(LayerManifest manifest)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            throw new LayerLoadException(manifest.Name,
                $"'{Path.GetFileName(manifest.Library)}' is a managed plugin, which a native-AOT bootstrap cannot load; ship the layer's native library (built with layers/Layer.props) instead.");
        }
        return LoadManagedOnJit(manifest);
    }

    [RequiresUnreferencedCode("Loads a plugin assembly.")]
    [RequiresDynamicCode("Loads a plugin assembly.")]
    private static FaaSLayer LoadManagedOnJit(LayerManifest manifest)
    {
        if (!File.Exists(manifest.Library))
        {
            throw new LayerLoadException(manifest.Name, $"its library '{manifest.Library}' does not exist.");
        }
        Assembly assembly;
        try
        {
            assembly = new PluginLoadContext(manifest.Library).LoadFromAssemblyPath(manifest.Library);
        }
        catch (BadImageFormatException ex)
        {
            throw new LayerLoadException(manifest.Name, $"'{manifest.Library}' is not a managed assembly: {ex.Message}", ex);
        }
        // The plugin registers its layer from a module initializer, exactly as its native build does.
        NativeLayerExports.ClearRegistrations();
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        Func<FaaSLayer> factory = NativeLayerExports.TakeRegistration()
            ?? throw new LayerLoadException(manifest.Name, $"'{manifest.Library}' registers no layer (its module initializer must call NativeLayerExports.Register).");
        NativeLayerExports.RequestedName = manifest.Name;
        FaaSLayer layer = factory();
        NativeLayerExports.RequestedName = null;
        if (!string.Equals(layer.Name, manifest.Name, StringComparison.Ordinal))
        {
            throw new LayerLoadException(manifest.Name, $"'{manifest.Library}' serves layer '{layer.Name}', not '{manifest.Name}'.");
        }
        return layer;
    }

    /// <summary>Loads a plugin and its own dependencies, sharing the assemblies the bootstrap already has (the engine first of all).</summary>
    [RequiresUnreferencedCode("Loads plugin assemblies.")]
    private sealed class PluginLoadContext : AssemblyLoadContext
    {
        private readonly AssemblyDependencyResolver _resolver;

        public PluginLoadContext(string path)
            : base(Path.GetFileNameWithoutExtension(path), isCollectible: false) => _resolver = new AssemblyDependencyResolver(path);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            foreach (Assembly loaded in Default.Assemblies)
            {
                if (AssemblyName.ReferenceMatchesDefinition(loaded.GetName(), assemblyName))
                {
                    return null; // use the bootstrap's copy, so FaaSLayer and friends are the same types
                }
            }
            string? path = _resolver.ResolveAssemblyToPath(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
            return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        }
    }
}
