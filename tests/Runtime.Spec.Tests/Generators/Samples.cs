using System.Collections.Generic;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;

namespace Runtime.Spec.Tests.Generators;

/// <summary>The f.yml files the generator tests feed through SpecReader and DeploymentPlanner, for any cloud.</summary>
internal static class Samples
{
    /// <summary>f.yml's name and a region for each cloud (Azure and Knative have none in f.yml).</summary>
    public static (string Name, string? Region) Provider(CloudPlatform cloud) => cloud switch
    {
        CloudPlatform.Aws => ("aws", "us-east-1"),
        CloudPlatform.Tencent => ("tencent", "ap-guangzhou"),
        CloudPlatform.Alibaba => ("aliyun", "cn-hangzhou"),
        CloudPlatform.Huawei => ("huawei", "cn-north-4"),
        CloudPlatform.Azure => ("azure", null),
        _ => ("knative", null),
    };

    /// <summary>The options every golden test uses: published layer references where a cloud needs them, Kafka servers for Knative.</summary>
    public static GenerateOptions Options(CloudPlatform cloud, bool unsupportedAsWarnings = false) => new()
    {
        UnsupportedAsWarnings = unsupportedAsWarnings,
        LayerReferences = cloud switch
        {
            CloudPlatform.Alibaba => new Dictionary<string, string> { ["metrics"] = "acs:fc:cn-hangzhou:123456789:layers/metrics/versions/3" },
            CloudPlatform.Tencent => new Dictionary<string, string> { ["metrics"] = "3" },
            CloudPlatform.Huawei => new Dictionary<string, string> { ["metrics"] = "8f3c7a52-0000-4000-8000-00000000c0de" },
            _ => new Dictionary<string, string>(),
        },
        KafkaBootstrapServers = cloud == CloudPlatform.Knative ? ["kafka.kafka.svc:9092"] : [],
    };

    /// <summary>The f.yml text as read for <paramref name="cloud"/>.</summary>
    public static string Text(CloudPlatform cloud, string yaml)
    {
        (string name, string? region) = Provider(cloud);
        string provider = $"  name: {name}\n" + (region is null ? "" : $"  region: {region}\n");
        return yaml.ReplaceLineEndings("\n").Replace("  {provider}\n", provider, System.StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of the first line of the f.yml text holding <paramref name="fragment"/>.</summary>
    public static int LineOf(CloudPlatform cloud, string yaml, string fragment)
    {
        string[] lines = Text(cloud, yaml).Split('\n');
        return System.Array.FindIndex(lines, l => l.Contains(fragment, System.StringComparison.Ordinal)) + 1;
    }

    /// <summary>Reads <paramref name="yaml"/> written for <paramref name="cloud"/> (<c>{provider}</c> replaced by its provider lines).</summary>
    public static ServiceSpec Read(CloudPlatform cloud, string yaml) => Some.Read(Text(cloud, yaml)).Spec;

    public static GeneratedFiles Generate(CloudPlatform cloud, string yaml, GenerateOptions? options = null)
    {
        ServiceSpec spec = Read(cloud, yaml);
        return SpecGenerators.For(cloud).Generate(spec, DeploymentPlanner.Plan(spec), options ?? Options(cloud));
    }

    /// <summary>
    /// Aggregation: three HTTP functions deployed as one (<c>api</c>, prefix <c>/api</c>, with a layer) and one lone
    /// timer function. Only fields every cloud supports.
    /// </summary>
    public const string Aggregated = """
        service: shop
        provider:
          {provider}
          stage: prod
          timeout: 30
          environment:
            LOG_LEVEL: info
        layers:
          metrics:
            path: ./layers/metrics
            settings:
              namespace: Shop
        functions:
          list:
            handler: items.list
            layers: [metrics]
            events:
              - http:
                  path: /items
                  method: get
          get:
            handler: items.get
            layers: [metrics]
            events:
              - http:
                  path: /items/{id}
                  method: get
          create:
            handler: items.create
            layers: [metrics]
            environment:
              TABLE: items
            events:
              - http:
                  path: /items
                  method: post
          nightly:
            handler: jobs.nightly
            events:
              - timer:
                  cron: "30 2 * * *"
        aggregation:
          api:
            functions: [list, get, create]
            prefix: /api
        """;

    /// <summary>Every kind of event and every setting, as lone functions; most clouds lack some of it.</summary>
    public const string Everything = """
        service: shop
        provider:
          {provider}
          stage: dev
          memorySize: 256
          timeout: 10
          initTimeout: 20
          concurrency: 4
        functions:
          hello:
            events:
              - http:
                  path: /hello/{name}
                  method: get
          users:
            events:
              - apigw:
                  path: /users/*
                  methods: [GET, PUT]
          tick:
            events:
              - timer:
                  rate: 5m
                  payload: ping
              - timer:
                  cron: "0 3 * * 1-5"
                  enabled: false
          uploads:
            events:
              - os:
                  bucket: uploads
                  events: [created, deleted]
                  prefix: in/
                  suffix: .csv
          orders:
            events:
              - mq:
                  topic: orders
                  batchSize: 10
                  filterTag: paid
          audit:
            events:
              - log:
                  project: app
                  store: access
                  filter: ERROR
        """;
}
