using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Runtime.Cli.Tests;

public sealed partial class PackageCommandTests
{
    [Fact]
    public void Package_Aws_ZipPerDeploymentWithExecutableBootstrap()
    {
        using var temp = new TempDirectory();
        string spec = Some.Service(temp);
        string bootstrap = Some.Bootstrap(temp);

        CliResult result = Package(temp, spec, bootstrap, "aws");

        Assert.True(result.Code == 0, result.ToString());
        var api = new ZipContent(temp.Combine("dist", "api.zip"));
        Assert.Equal(["bootstrap", "faas-manifest.json"], api.Names);
        Assert.Equal(0b111_101_101, api.ModeOf("bootstrap"));
        Assert.Equal(File.ReadAllBytes(bootstrap), api.Bytes("bootstrap"));
        var nightly = new ZipContent(temp.Combine("dist", "nightly.zip"));
        // A lone function's manifest names its one function: the artifact serves it without FAAS_HANDLER.
        Assert.Equal(["bootstrap", "faas-manifest.json"], nightly.Names);
        Assert.Equal(0b111_101_101, nightly.ModeOf("bootstrap"));
        using JsonDocument manifest = JsonDocument.Parse(nightly.Text("faas-manifest.json"));
        Assert.Equal(["nightly"], manifest.RootElement.GetProperty("functions").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public void Package_Aws_AlsoTheFoldersTheTemplateNames()
    {
        using var temp = new TempDirectory();
        string bootstrap = Some.Bootstrap(temp);

        CliResult result = Package(temp, Some.Service(temp), bootstrap, "aws");

        Assert.True(result.Code == 0, result.ToString());
        string template = File.ReadAllText(temp.Combine("dist", "template.yaml"));
        Assert.Contains("CodeUri: './api'\n", template);
        Assert.Contains("ContentUri: './layers/metrics'\n", template);
        Assert.Equal(File.ReadAllBytes(bootstrap), File.ReadAllBytes(temp.Combine("dist", "api", "bootstrap")));
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(temp.Combine("dist", "api", "bootstrap")));
        Assert.True(File.Exists(temp.Combine("dist", "api", "faas-manifest.json")));
        // SAM zips ContentUri's folder as the layer: layers/metrics/ at its root, to unpack at /opt/layers/metrics.
        Assert.Equal(Some.MetricsLayerJson, File.ReadAllText(temp.Combine("dist", "layers", "metrics", "layers", "metrics", "layer.json")));
    }

    [Fact]
    public void Package_Group_ManifestRoutesEveryMember()
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), Some.Bootstrap(temp), "aws");

        Assert.True(result.Code == 0, result.ToString());
        using JsonDocument manifest = JsonDocument.Parse(new ZipContent(temp.Combine("dist", "api.zip")).Text("faas-manifest.json"));
        JsonElement root = manifest.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("shop", root.GetProperty("service").GetString());
        Assert.Equal("api", root.GetProperty("group").GetString());
        Assert.Equal("/api", root.GetProperty("prefix").GetString());
        JsonElement[] functions = [.. root.GetProperty("functions").EnumerateArray()];
        Assert.Equal(["hello", "users"], functions.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal("/hello/{name}", functions[0].GetProperty("http")[0].GetProperty("path").GetString());
        Assert.Equal("GET", functions[0].GetProperty("http")[0].GetProperty("methods")[0].GetString());
        Assert.Equal("hello-timer-1", functions[0].GetProperty("triggers")[0].GetString());
    }

    [Theory]
    [InlineData("aws")]
    [InlineData("alibaba")]
    [InlineData("tencent")]
    [InlineData("huawei")]
    public void Package_OptLayerClouds_OneZipPerLayerRootedAtLayersName(string platform)
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), Some.Bootstrap(temp), platform, "--target-glibc", "2.34");

        Assert.True(result.Code == 0, result.ToString());
        Assert.Equal(["metrics.zip", "tracing.zip"], Directory.GetFiles(temp.Combine("dist", "layers")).Select(Path.GetFileName).Order());
        var metrics = new ZipContent(temp.Combine("dist", "layers", "metrics.zip"));
        Assert.Equal(
            ["layers/", "layers/metrics/", "layers/metrics/Runtime.Layers.Metrics.so", "layers/metrics/data/", "layers/metrics/data/defaults.txt", "layers/metrics/layer.json"],
            metrics.Names);
        Assert.Equal(Some.MetricsLayerJson, metrics.Text("layers/metrics/layer.json"));
        Assert.Equal(0b110_100_100, metrics.ModeOf("layers/metrics/layer.json"));
        var tracing = new ZipContent(temp.Combine("dist", "layers", "tracing.zip"));
        Assert.Equal(0b111_101_101, tracing.ModeOf("layers/tracing/bin/helper"));
        // Layers are not in the function's zip on these clouds.
        Assert.DoesNotContain(new ZipContent(temp.Combine("dist", "api.zip")).Names, n => n.StartsWith("layers/"));
    }

    [Theory]
    [InlineData("aws", "template.yaml")]
    [InlineData("alibaba", "s.yaml")]
    [InlineData("tencent", "api/serverless.yml")]
    [InlineData("huawei", "s.yaml")]
    [InlineData("azure", "shop-dev-api/host.json")]
    [InlineData("knative", "service.yaml")]
    public void Package_EveryCloud_WritesTheDeploymentFileBesideTheArtifacts(string platform, string deploymentFile)
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), Some.Bootstrap(temp), platform, "--target-glibc", "2.34");

        Assert.True(result.Code == 0, result.ToString());
        Assert.True(File.Exists(temp.Combine("dist", deploymentFile)), result.ToString());
        Assert.Contains($"wrote {Path.Combine(temp.Combine("dist"), deploymentFile)}", result.Output);
    }

    [Fact]
    public void Package_Azure_LayersAndFunctionAppFilesInTheZip()
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), Some.Bootstrap(temp), "azure", "--target-glibc", "2.34");

        Assert.True(result.Code == 0, result.ToString());
        Assert.False(Directory.Exists(temp.Combine("dist", "layers")));
        var api = new ZipContent(temp.Combine("dist", "api.zip"));
        Assert.Equal(0b111_101_101, api.ModeOf("bootstrap"));
        Assert.Contains("faas-manifest.json", api.Names);
        Assert.Contains("layers/metrics/layer.json", api.Names);
        Assert.Contains("layers/metrics/Runtime.Layers.Metrics.so", api.Names);
        // Zip deploy takes the function app as it is: host.json and one folder per Azure function at the root.
        Assert.Equal(File.ReadAllText(temp.Combine("dist", "shop-dev-api", "host.json")), api.Text("host.json"));
        Assert.Contains(api.Names, n => n.EndsWith("/function.json"));
        // App settings are published from local.settings.json, never deployed in the zip.
        Assert.DoesNotContain("local.settings.json", api.Names);
        var nightly = new ZipContent(temp.Combine("dist", "nightly.zip"));
        Assert.Contains("layers/tracing/bin/helper", nightly.Names);
        Assert.DoesNotContain(nightly.Names, n => n.StartsWith("layers/metrics/"));
    }

    [Fact]
    public void Package_Knative_FolderWithDockerfileOnDebian12()
    {
        using var temp = new TempDirectory();
        string bootstrap = Some.Bootstrap(temp, "2.36");

        CliResult result = Package(temp, Some.Service(temp), bootstrap, "knative");

        Assert.True(result.Code == 0, result.ToString());
        string api = temp.Combine("dist", "api");
        Assert.Equal(File.ReadAllBytes(bootstrap), File.ReadAllBytes(Path.Combine(api, "bootstrap")));
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(Path.Combine(api, "bootstrap")));
        Assert.True(File.Exists(Path.Combine(api, "faas-manifest.json")));
        Assert.Equal(Some.MetricsLayerJson, File.ReadAllText(Path.Combine(api, "layers", "metrics", "layer.json")));
        string dockerfile = File.ReadAllText(Path.Combine(api, "Dockerfile"));
        Assert.Contains("FROM debian:12-slim\n", dockerfile);
        Assert.Contains("COPY bootstrap ./bootstrap\n", dockerfile);
        Assert.Contains("COPY faas-manifest.json ./faas-manifest.json\n", dockerfile);
        Assert.Contains("WORKDIR /app\n", dockerfile);
        Assert.Contains("COPY layers/ ./layers/\n", dockerfile);
        Assert.Contains("ENV FAAS_LAYERS_DIR=/app/layers\n", dockerfile);
        // The generated Knative Service points the bootstrap at the same folder, relative to the working folder.
        Assert.Contains("name: FAAS_LAYERS_DIR\n              value: layers\n", File.ReadAllText(temp.Combine("dist", "service.yaml")));
        Assert.Contains("COPY faas-manifest.json ./faas-manifest.json\n", File.ReadAllText(temp.Combine("dist", "nightly", "Dockerfile")));
        Assert.False(File.Exists(temp.Combine("dist", "api.zip")));
    }

    [Fact]
    public void Package_OneFunction_OnlyItsArtifactAndLayers()
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), Some.Bootstrap(temp), "aws", "--function", "nightly");

        Assert.True(result.Code == 0, result.ToString());
        Assert.Equal(["nightly.zip", "template.yaml"], Directory.GetFiles(temp.Combine("dist")).Select(Path.GetFileName).Order());
        Assert.Equal(["tracing.zip"], Directory.GetFiles(temp.Combine("dist", "layers")).Select(Path.GetFileName));
        string template = File.ReadAllText(temp.Combine("dist", "template.yaml"));
        Assert.Contains("shop-dev-nightly", template);
        Assert.DoesNotContain("shop-dev-api", template);
    }

    [Fact]
    public void Package_OneGroup_ByItsName()
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), Some.Bootstrap(temp), "aws", "--function", "api");

        Assert.True(result.Code == 0, result.ToString());
        Assert.Equal(["api.zip", "template.yaml"], Directory.GetFiles(temp.Combine("dist")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Package_FunctionInsideAGroup_ErrorNamesTheGroup()
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), Some.Bootstrap(temp), "aws", "--function", "hello");

        Assert.Equal(1, result.Code);
        Assert.Contains("error: --function hello: 'hello' is deployed as part of aggregation group 'api'; package it with --function api", result.Error);
        Assert.False(Directory.Exists(temp.Combine("dist")));
    }

    [Fact]
    public void Package_UnknownFunction_ErrorListsTheDeployments()
    {
        using var temp = new TempDirectory();

        CliResult result = Package(temp, Some.Service(temp), Some.Bootstrap(temp), "aws", "--function", "nope");

        Assert.Equal(1, result.Code);
        Assert.Contains("no function or aggregation group of that name; the deployments are: api, nightly", result.Error);
    }

    [Fact]
    public void Package_SameInputTwice_SameBytes()
    {
        using var temp = new TempDirectory();
        string spec = Some.Service(temp);
        string bootstrap = Some.Bootstrap(temp);

        Assert.Equal(0, Package(temp, spec, bootstrap, "aws", "--out", temp.Combine("one")).Code);
        Assert.Equal(0, Package(temp, spec, bootstrap, "aws", "--out", temp.Combine("two")).Code);

        Assert.Equal(File.ReadAllBytes(temp.Combine("one", "api.zip")), File.ReadAllBytes(temp.Combine("two", "api.zip")));
        Assert.Equal(File.ReadAllBytes(temp.Combine("one", "layers", "metrics.zip")), File.ReadAllBytes(temp.Combine("two", "layers", "metrics.zip")));
    }

    internal static CliResult Package(TempDirectory temp, string spec, string bootstrap, string platform, params string[] more)
    {
        string[] outArgs = more.Contains("--out") ? [] : ["--out", temp.Combine("dist")];
        return CliRunner.Run(["package", "--platform", platform, "--file", spec, "--bootstrap", bootstrap, .. outArgs, .. Some.LayerReferences, .. more]);
    }
}
