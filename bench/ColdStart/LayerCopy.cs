namespace Runtime.ColdStart;

/// <summary>
/// One layer folder of a layered subject: <see cref="Package"/>'s library, copied (a copy, not a link: the loader would
/// hand the same library back for the same file, and each layer needs a library, and a runtime, of its own), with a
/// <c>layer.json</c>: the package's own when <see cref="ManifestJson"/> is null, else this text.
/// </summary>
internal sealed class LayerCopy
{
    public LayerCopy(string folder, LayerPackage package, string? manifestJson)
    {
        Folder = folder;
        Package = package;
        ManifestJson = manifestJson;
    }

    /// <summary>The folder under the subject's layers folder (the layer's name, for the probe).</summary>
    public string Folder { get; }

    public LayerPackage Package { get; }

    /// <summary>The manifest written into the folder, or null to copy the package's published <c>layer.json</c>.</summary>
    public string? ManifestJson { get; }
}
