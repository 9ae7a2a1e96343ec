using System.Collections.Generic;

namespace Runtime.Spec.Generators;

/// <summary>What a generator needs that f.yml does not say: where the package step puts artifacts, and a few per-cloud choices.</summary>
internal sealed record GenerateOptions
{
    /// <summary>Report a field the cloud cannot express as a warning (and write the nearest equivalent, if any) instead of an error.</summary>
    public bool UnsupportedAsWarnings { get; init; }

    /// <summary>
    /// The folder, relative to the generated files, where the package step writes each deployment's code as
    /// <c>&lt;ArtifactsDirectory&gt;/&lt;deployment&gt;</c> (holding <c>bootstrap</c>) and each layer as
    /// <c>&lt;ArtifactsDirectory&gt;/layers/&lt;layer&gt;</c> (holding <c>layers/&lt;layer&gt;/layer.json</c>, so that a cloud
    /// unpacking it into <c>/opt</c> puts it where the bootstrap looks: <c>/opt/layers/&lt;layer&gt;</c>).
    /// </summary>
    public string ArtifactsDirectory { get; init; } = "dist";

    /// <summary>AWS instruction set: <c>x86_64</c> or <c>arm64</c> (the bootstrap must be published for it).</summary>
    public string Architecture { get; init; } = "x86_64";

    /// <summary>
    /// Published layers on clouds whose deployment file can only refer to an existing layer version, by layer name:
    /// the layer version ARN on Alibaba FC, the layer version number on Tencent SCF (the layer is published under the
    /// f.yml layer's name), the dependency version id on Huawei FunctionGraph. AWS publishes layers from the template
    /// itself; Azure and Knative have none (the package step bundles them beside bootstrap).
    /// </summary>
    public IReadOnlyDictionary<string, string> LayerReferences { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Knative: the container image of each deployment; <c>{service}</c> and <c>{deployment}</c> are replaced. The default is
    /// a placeholder under the reserved <c>.invalid</c> domain, so an unedited manifest fails to pull instead of pulling something else.
    /// </summary>
    public string ContainerImage { get; init; } = "registry.invalid/{service}/{deployment}:latest";

    /// <summary>Knative: the namespace to put resources in, or null for the one kubectl is pointed at.</summary>
    public string? KubernetesNamespace { get; init; }

    /// <summary>Knative: the Kafka bootstrap servers a KafkaSource reads <c>mq</c> events from (required when there are any).</summary>
    public IReadOnlyList<string> KafkaBootstrapServers { get; init; } = [];

    /// <summary>Alibaba FC runtime; Debian 12's glibc (2.36) is the first FC image new enough for a bootstrap that asks for GLIBC_2.34.</summary>
    public string AlibabaRuntime { get; init; } = "custom.debian12";
}
