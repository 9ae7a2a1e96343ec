namespace Runtime.Cli.Packaging;

/// <summary>How a cloud takes a deployment's code and its layers.</summary>
internal enum ArtifactLayout
{
    /// <summary>
    /// <c>&lt;deployment&gt;.zip</c> holding bootstrap (and faas-manifest.json), plus one <c>layers/&lt;layer&gt;.zip</c> per layer
    /// rooted at <c>layers/&lt;layer&gt;/</c>: the cloud unpacks layers into <c>/opt</c>, so each lands in
    /// <c>/opt/layers/&lt;layer&gt;</c>, the bootstrap's default layers folder (AWS Lambda, SCF, FC, FunctionGraph).
    /// </summary>
    ZipWithOptLayers,

    /// <summary><c>&lt;deployment&gt;.zip</c> with the layers bundled under <c>layers/&lt;layer&gt;/</c> next to bootstrap (Azure: no layers).</summary>
    ZipWithBundledLayers,

    /// <summary>A folder <c>&lt;deployment&gt;/</c> with bootstrap, manifest, <c>layers/</c> and a Dockerfile: the image's build context (Knative).</summary>
    ContainerFolder,
}
