using Runtime.Spec.Model;

namespace Runtime.Cli.Packaging;

/// <summary>A deployment and what goes into its artifact besides the bootstrap and layers.</summary>
/// <param name="Deployment">The deployment.</param>
/// <param name="Manifest">Its <c>faas-manifest.json</c> (UTF-8). A lone function gets one too (one function, no routing), so the artifact says which function it serves without FAAS_HANDLER.</param>
/// <param name="AppFolder">
/// The folder of <see cref="PackageJob.GeneratedFiles"/> whose files go into the artifact at its root (Azure's function
/// app: host.json and the function folders), or null.
/// </param>
internal sealed record PackagedDeployment(Deployment Deployment, byte[]? Manifest, string? AppFolder = null);
