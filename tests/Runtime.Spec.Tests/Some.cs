using System;
using System.Collections.Generic;
using System.Linq;
using Runtime.Spec;
using Xunit;

namespace Runtime.Spec.Tests;

/// <summary>Test data: f.yml texts and an environment lookup that never touches the process environment.</summary>
internal static class Some
{
    public const string Path = "f.yml";

    /// <summary>A lookup over <paramref name="variables"/> ("NAME=value" pairs); anything else is unset.</summary>
    public static Func<string, string?> Environment(params string[] variables)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in variables)
        {
            int eq = pair.IndexOf('=');
            map[pair[..eq]] = pair[(eq + 1)..];
        }
        return name => map.TryGetValue(name, out string? value) ? value : null;
    }

    public static SpecReadResult Read(string yaml, params string[] variables) =>
        SpecReader.Parse(yaml.ReplaceLineEndings("\n"), Path, Environment(variables));

    /// <summary>The formatted diagnostics of an f.yml that must fail.</summary>
    public static string[] Errors(string yaml, params string[] variables)
    {
        SpecException ex = Assert.Throws<SpecException>(() => Read(yaml, variables));
        return ex.Diagnostics.Select(d => d.Format(Path)).ToArray();
    }

    /// <summary>A complete f.yml using every section.</summary>
    public const string FullYaml = """
        service: shop
        provider:
          name: aws
          region: us-east-1
          stage: prod
          memorySize: 256
          timeout: 10
          initTimeout: 30
          concurrency: 1
          environment:
            LOG_LEVEL: info
            REGION_NAME: ${env.REGION}
        layers:
          metrics:
            path: ./layers/metrics
            settings:
              NAMESPACE: shop
        functions:
          hello:
            handler: hello.handler
            memorySize: 512
            layers: [metrics]
            events:
              - http:
                  path: /hello/{name}
                  method: get
              - timer:
                  rate: 5m
                  payload: ping
          users:
            timeout: 20
            environment:
              TABLE: users
            events:
              - apigw:
                  path: /users/{id}
                  methods: [GET, PUT]
              - mq:
                  topic: orders
                  batchSize: 10
                  name: users-orders
          uploads:
            events:
              - os:
                  bucket: uploads
                  events: [created, deleted]
                  prefix: in/
              - log:
                  project: app
                  store: access
          nightly:
            events:
              - timer:
                  cron: "0 3 * * MON-FRI"
                  enabled: false
        aggregation:
          api:
            functions: [hello, users]
            prefix: /api
        """;
}
