using System.Linq;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

/// <summary>What only the AWS generator does (its golden files are checked with every cloud's in <see cref="GeneratorGoldenTests"/>).</summary>
public sealed class SamGeneratorTests
{
    private const CloudPlatform Cloud = CloudPlatform.Aws;

    [Fact]
    public void Generate_TimerInAGroup_NamesTheRuleAfterTheTrigger_SoTheInstanceCanRouteIt()
    {
        const string yaml = """
            service: shop
            provider:
              {provider}
            functions:
              hello:
                events:
                  - http: { path: /hello, method: GET }
              tick:
                events:
                  - timer: { rate: 5m }
            aggregation:
              api:
                functions: [hello, tick]
            """;

        GeneratedFiles result = Samples.Generate(Cloud, yaml);

        Assert.Empty(result.Diagnostics);
        string template = result.File("template.yaml")!.Content;
        Assert.Contains("Schedule: rate(5 minutes)\n            Name: tick-timer-0\n", template, System.StringComparison.Ordinal);
    }
}
