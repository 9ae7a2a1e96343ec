using System.IO;

namespace Runtime.ColdStart;

/// <summary>
/// A layer project the harness publishes as a native layer (<c>dotnet publish &lt;project&gt; -c Release -p:NativeLayer=true</c>,
/// docs/layer-abi.md) into <c>artifacts/bench/layers/&lt;name&gt;</c>, from where <see cref="LayerCopy"/>s are deployed.
/// </summary>
internal sealed class LayerPackage
{
    public LayerPackage(string name, string project, string library)
    {
        Name = name;
        Project = project;
        Library = library;
    }

    /// <summary>Folder name under <c>artifacts/bench/layers</c>.</summary>
    public string Name { get; }

    /// <summary>Project path relative to the repository root.</summary>
    public string Project { get; }

    /// <summary>The native library's file name in the publish folder (the manifest's <c>library</c>).</summary>
    public string Library { get; }

    public string PublishDirectory(string repoRoot) => Path.Combine(repoRoot, "artifacts", "bench", "layers", Name);

    public string LibraryPath(string repoRoot) => Path.Combine(PublishDirectory(repoRoot), Library);

    /// <summary>The <c>layer.json</c> the project publishes beside its library.</summary>
    public string ManifestPath(string repoRoot) => Path.Combine(PublishDirectory(repoRoot), "layer.json");
}
