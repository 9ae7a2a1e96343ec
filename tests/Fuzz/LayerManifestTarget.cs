using System;
using Runtime.Engine.Layers;

namespace Runtime.Fuzz;

/// <summary>
/// The <c>layer.json</c> reader (<see cref="LayerManifest"/>). Bad input = <see cref="LayerLoadException"/>, which names
/// the layer and the field; anything else would escape the layer loader's error handling.
/// </summary>
internal sealed class LayerManifestTarget : IFuzzTarget
{
    private const string Folder = "/opt/layers/fuzz";

    public string Name => "layer";

    public string[] Dictionary { get; } =
    {
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "0", "-1", "2147483648", "1.5", "1e999", "\"\"", "\" \"", "\\u0000",
        "\\ud800", "//", "/*", "*/", "\"name\":\"n\"", "\"library\":\"l.so\"", "\"library\":\"../../x\"", "\"abiVersion\":1",
        "\"failure\":\"OPEN\"", "\"order\":", "\"hookTimeoutMs\":", "\"settings\":{\"k\":1}", "\"version\":\"1.0\"",
    };

    public long AllocationBound(int inputLength) => 1024 * 1024 + 64L * inputLength;

    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            LayerManifest manifest = LayerManifest.Parse(input.ToArray(), Folder, Folder + "/layer.json", "fuzz");
            if (string.IsNullOrWhiteSpace(manifest.Name) || !manifest.Library.StartsWith('/'))
            {
                throw new FuzzFailure("A manifest was accepted with an empty name or a library path that is not absolute.");
            }
        }
        catch (LayerLoadException)
        {
            // The documented answer to a bad manifest: the loader reports it with the layer's name.
        }
    }
}
