using System.Text;
using Runtime.Spec.Model;

namespace Runtime.Cli.Packaging;

/// <summary>
/// The Dockerfile of a Knative deployment's folder. Debian 12 because its glibc (2.36) is what the package step checks the
/// bootstrap against; ca-certificates because a native-AOT .NET process validates TLS against the system store
/// (libssl3 is already in debian:12-slim). Layers stay next to bootstrap in <c>/app/layers</c>, where the generated
/// Knative Service points <c>FAAS_LAYERS_DIR</c> (relative, from the working folder); the image sets it too, so it runs
/// the same without that manifest.
/// </summary>
internal static class KnativeDockerfile
{
    /// <summary>The base image.</summary>
    public const string BaseImage = "debian:12-slim";

    /// <summary>The Dockerfile text for <paramref name="deployment"/>.</summary>
    public static string For(string service, Deployment deployment, bool hasManifest)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(service).Append('/').Append(deployment.Name)
            .Append(": written by 'faas package --platform knative'. Build from this folder: docker build -t <image> .\n");
        text.Append("FROM ").Append(BaseImage).Append('\n');
        text.Append("RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\n");
        text.Append("WORKDIR /app\n");
        text.Append("COPY bootstrap ./bootstrap\n");
        if (hasManifest)
        {
            text.Append("COPY ").Append(Packager.ManifestFileName).Append(" ./").Append(Packager.ManifestFileName).Append('\n');
        }
        if (deployment.Layers.Count > 0)
        {
            text.Append("COPY layers/ ./layers/\n");
            text.Append("ENV FAAS_LAYERS_DIR=/app/layers\n");
        }
        text.Append("USER 65532:65532\n");
        text.Append("ENTRYPOINT [\"/app/bootstrap\"]\n");
        return text.ToString();
    }
}
