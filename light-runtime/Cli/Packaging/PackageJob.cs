using System.Collections.Generic;
using Runtime.Spec.Model;

namespace Runtime.Cli.Packaging;

/// <summary>Everything the package step writes, checked beforehand: when one of these exists, writing it can only fail on I/O.</summary>
internal sealed class PackageJob
{
    /// <summary>The cloud.</summary>
    public required CloudPlatform Platform { get; init; }

    /// <summary>f.yml's <c>service</c>.</summary>
    public required string Service { get; init; }

    /// <summary>The output folder (created if missing).</summary>
    public required string OutDirectory { get; init; }

    /// <summary>The checked bootstrap.</summary>
    public required BootstrapImage Bootstrap { get; init; }

    /// <summary>The deployments to write, each with its run-time manifest (null for a lone function, which needs none).</summary>
    public required IReadOnlyList<PackagedDeployment> Deployments { get; init; }

    /// <summary>The layers the deployments use, by name, found on disk.</summary>
    public required IReadOnlyDictionary<string, LayerFolder> Layers { get; init; }

    /// <summary>The generator's files (paths relative to <see cref="OutDirectory"/>, <c>/</c>-separated).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> GeneratedFiles { get; init; }
}
