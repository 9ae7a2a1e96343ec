using System.IO;
using Runtime.Cli.Packaging;

namespace Runtime.Cli.Tests;

/// <summary>Test data: a service folder (f.yml and layer folders) written into a temp folder.</summary>
internal static class Some
{
    /// <summary>
    /// Three functions: <c>hello</c> (http + timer) and <c>users</c> (http) aggregated as <c>api</c> under <c>/api</c>, both
    /// with the <c>metrics</c> layer; <c>nightly</c> (timer) alone with the <c>tracing</c> layer.
    /// </summary>
    public const string ServiceYaml = """
        service: shop
        provider:
          name: aws
        layers:
          metrics:
            path: ./layers/metrics
            settings:
              NAMESPACE: shop
          tracing:
            path: ./layers/tracing
        functions:
          hello:
            layers: [metrics]
            events:
              - http:
                  path: /hello/{name}
                  method: get
              - timer:
                  rate: 5m
          users:
            layers: [metrics]
            events:
              - http:
                  path: /users/{id}
          nightly:
            layers: [tracing]
            events:
              - timer:
                  cron: "0 3 * * *"
        aggregation:
          api:
            functions: [hello, users]
            prefix: /api
        """;

    /// <summary>Published versions of the two layers, for the clouds whose deployment file can only refer to one (the others ignore them).</summary>
    public static readonly string[] LayerReferences = ["--layer-ref", "metrics=11", "--layer-ref", "tracing=12"];

    public const string MetricsLayerJson = """{"name":"metrics","library":"Runtime.Layers.Metrics.so"}""";

    /// <summary>Writes f.yml (<paramref name="yaml"/>) and the two layer folders into <paramref name="temp"/>; returns f.yml's path.</summary>
    public static string Service(TempDirectory temp, string yaml = ServiceYaml)
    {
        temp.Write("layers/metrics/layer.json", MetricsLayerJson);
        temp.Write("layers/metrics/Runtime.Layers.Metrics.so", ElfFixture.Build(["GLIBC_2.17"], ElfFixture.SharedObject));
        temp.Write("layers/metrics/data/defaults.txt", "interval=60\n");
        temp.Write("layers/tracing/layer.json", """{"name":"tracing"}""");
        File.SetUnixFileMode(temp.Write("layers/tracing/bin/helper", "#!/bin/sh\n"), ZipItem.Executable);
        return temp.Write("f.yml", yaml.ReplaceLineEndings("\n"));
    }

    /// <summary>A crafted bootstrap needing GLIBC_<paramref name="glibc"/> at most.</summary>
    public static string Bootstrap(TempDirectory temp, string glibc = "2.34") =>
        temp.Write("publish/bootstrap", ElfFixture.Build(["GLIBC_2.2.5", "GLIBC_" + glibc]));
}
