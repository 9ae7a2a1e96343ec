using System.Globalization;
using System.IO;
using System.Text;

namespace Runtime.SpecBench;

/// <summary>
/// The service the benchmark packages: 50 functions, 30 of them in 5 aggregation groups of 6 (25 deployments), every one
/// with an HTTP event, every third with a timer too; three layers (a 2 MiB native library and layer.json each), stacked
/// on the groups and on every other lone function.
/// </summary>
internal static class BenchService
{
    public const int Functions = 50;
    public const int Groups = 5;
    public const int GroupSize = 6;
    public static readonly string[] Layers = ["metrics", "tracing", "web"];

    /// <summary>Writes f.yml and the layer folders into <paramref name="directory"/>; returns f.yml's path.</summary>
    public static string Write(string directory, byte[] nativeCode)
    {
        var yaml = new StringBuilder();
        yaml.Append("service: bench\nprovider:\n  name: aws\n  timeout: 10\nlayers:\n");
        foreach (string layer in Layers)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {layer}:\n    path: ./layers/{layer}\n    settings:\n      LEVEL: info\n");
            string folder = Path.Combine(directory, "layers", layer);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "layer.json"), $$"""{"name":"{{layer}}","library":"Runtime.Layers.{{layer}}.so"}""");
            File.WriteAllBytes(Path.Combine(folder, $"Runtime.Layers.{layer}.so"), nativeCode[..System.Math.Min(nativeCode.Length, 2 << 20)]);
        }

        yaml.Append("functions:\n");
        for (int i = 0; i < Functions; i++)
        {
            bool grouped = i < Groups * GroupSize;
            yaml.Append(CultureInfo.InvariantCulture, $"  f{i:00}:\n");
            if (grouped)
            {
                yaml.Append("    layers: [metrics, tracing]\n");
            }
            else if (i % 2 == 0)
            {
                yaml.Append("    layers: [metrics, web]\n");
            }
            yaml.Append(CultureInfo.InvariantCulture, $"    events:\n      - http:\n          path: /f{i:00}/{{id}}\n          method: [get, post]\n");
            if (i % 3 == 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"      - timer:\n          cron: \"{i % 60} 3 * * *\"\n");
            }
        }

        yaml.Append("aggregation:\n");
        for (int g = 0; g < Groups; g++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  g{g}:\n    prefix: /g{g}\n    functions: [");
            for (int m = 0; m < GroupSize; m++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"{(m == 0 ? "" : ", ")}f{g * GroupSize + m:00}");
            }
            yaml.Append("]\n");
        }

        string path = Path.Combine(directory, "f.yml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }
}
