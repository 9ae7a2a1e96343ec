using Runtime.Spec.Model;

namespace Runtime.Cli.Packaging;

/// <summary>The <see cref="ArtifactLayout"/> of each cloud.</summary>
internal static class ArtifactLayouts
{
    /// <summary>The layout <paramref name="platform"/> takes.</summary>
    public static ArtifactLayout Of(CloudPlatform platform) => platform switch
    {
        CloudPlatform.Azure => ArtifactLayout.ZipWithBundledLayers,
        CloudPlatform.Knative => ArtifactLayout.ContainerFolder,
        _ => ArtifactLayout.ZipWithOptLayers,
    };
}
