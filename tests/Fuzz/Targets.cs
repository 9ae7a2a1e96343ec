using System;

namespace Runtime.Fuzz;

/// <summary>The fuzz targets by name.</summary>
internal static class Targets
{
    public static readonly string[] Names = { "http", "triggers", "layer" };

    public static IFuzzTarget Create(string name) => name switch
    {
        "http" => new HttpParserTarget(),
        "triggers" => new TriggerCodecsTarget(),
        "layer" => new LayerManifestTarget(),
        _ => throw new ArgumentException($"Unknown target '{name}'; targets: {string.Join(", ", Names)}."),
    };
}
