using System;
using System.Collections.Generic;
using System.IO;
using Runtime.Spec;
using Runtime.Spec.Model;

namespace Runtime.Cli.Packaging;

/// <summary>A layer of f.yml found on disk: its folder (holding <c>layer.json</c>) and its files, relative to that folder with <c>/</c>.</summary>
internal sealed class LayerFolder
{
    /// <summary>The file every layer folder holds (docs/layer-abi.md).</summary>
    public const string ManifestFileName = "layer.json";

    private LayerFolder(LayerSpec spec, string fullPath, IReadOnlyList<string> files)
    {
        Spec = spec;
        FullPath = fullPath;
        Files = files;
    }

    /// <summary>The f.yml entry.</summary>
    public LayerSpec Spec { get; }

    /// <summary>The folder, absolute.</summary>
    public string FullPath { get; }

    /// <summary>Every file under the folder, relative, with <c>/</c>, sorted ordinally (so artifacts are reproducible).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Finds <paramref name="layer"/>'s folder relative to <paramref name="specDirectory"/>; a missing folder or
    /// <c>layer.json</c> is an error at the layer's <c>path</c> in f.yml.
    /// </summary>
    public static LayerFolder? Find(LayerSpec layer, string specDirectory, string specPath, Report report)
    {
        string full = Path.GetFullPath(Path.Combine(specDirectory, layer.Path));
        if (!Directory.Exists(full))
        {
            report.Add(specPath, SpecDiagnostic.Error(layer.LocationOf("path"),
                $"layer '{layer.Name}': folder '{layer.Path}' does not exist (looked for {full})"));
            return null;
        }
        if (!File.Exists(Path.Combine(full, ManifestFileName)))
        {
            report.Add(specPath, SpecDiagnostic.Error(layer.LocationOf("path"),
                $"layer '{layer.Name}': folder '{layer.Path}' has no {ManifestFileName}, so the bootstrap would not load it (see docs/layer-abi.md)"));
            return null;
        }
        var files = new List<string>();
        foreach (string file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
        {
            files.Add(Path.GetRelativePath(full, file).Replace(Path.DirectorySeparatorChar, '/'));
        }
        files.Sort(StringComparer.Ordinal);
        return new LayerFolder(layer, full, files);
    }

    /// <summary>The absolute path of <paramref name="relative"/>, one of <see cref="Files"/>.</summary>
    public string PathOf(string relative) => Path.Combine(FullPath, relative.Replace('/', Path.DirectorySeparatorChar));
}
