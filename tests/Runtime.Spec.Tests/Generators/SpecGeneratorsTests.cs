using System;
using System.Linq;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

public sealed class SpecGeneratorsTests
{
    [Fact]
    public void For_EveryCloud_ThatCloudsGenerator()
    {
        foreach (CloudPlatform cloud in Enum.GetValues<CloudPlatform>())
        {
            Assert.Equal(cloud, SpecGenerators.For(cloud).Platform);
        }
    }

    [Theory]
    [InlineData(CloudPlatform.Alibaba)]
    [InlineData(CloudPlatform.Tencent)]
    [InlineData(CloudPlatform.Huawei)]
    public void Generate_LayerWithoutPublishedReference_ErrorAtTheLayer(CloudPlatform cloud)
    {
        GeneratedFiles result = Samples.Generate(cloud, Samples.Aggregated, new GenerateOptions { UnsupportedAsWarnings = true });

        SpecDiagnostic error = Assert.Single(result.Diagnostics, d => d.Severity == SpecSeverity.Error);
        Assert.Equal(Samples.LineOf(cloud, Samples.Aggregated, "path: ./layers/metrics"), error.Location.Line);
        Assert.Contains("metrics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_AwsCronWithDayOfMonthAndDayOfWeek_ErrorAtTheCron()
    {
        const string Yaml = """
            service: shop
            provider:
              {provider}
            functions:
              report:
                events:
                  - timer:
                      cron: "0 9 1 * 1"
            """;

        GeneratedFiles result = Samples.Generate(CloudPlatform.Aws, Yaml);

        SpecDiagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal(SpecSeverity.Error, error.Severity);
        Assert.Equal(Samples.LineOf(CloudPlatform.Aws, Yaml, "cron:"), error.Location.Line);
    }

    [Fact]
    public void Generate_KnativeQueueWithoutKafkaServers_Error()
    {
        const string Yaml = """
            service: shop
            provider:
              {provider}
            functions:
              orders:
                events:
                  - mq:
                      topic: orders
            """;

        GeneratedFiles result = Samples.Generate(CloudPlatform.Knative, Yaml, new GenerateOptions());

        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("bootstrap servers", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_KnativeTimeout_TellsTheBootstrapThroughFaasTimeout()
    {
        const string Yaml = """
            service: shop
            provider:
              {provider}
            functions:
              orders:
                timeout: 45
                events:
                  - http:
                      path: /
              untimed:
                events:
                  - http:
                      path: /
            """;

        string text = Samples.Generate(CloudPlatform.Knative, Yaml).File("service.yaml")!.Content;

        string[] services = text.Split("\n---\n");
        string Of(string name) => Assert.Single(services, s => s.Contains("name: FAAS_HANDLER\n              value: " + name, StringComparison.Ordinal));
        Assert.Contains("timeoutSeconds: 45", Of("orders"), StringComparison.Ordinal);
        Assert.Contains("name: FAAS_TIMEOUT\n              value: '45'", Of("orders"), StringComparison.Ordinal);
        Assert.DoesNotContain("FAAS_TIMEOUT", Of("untimed"), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_AzureOnlyHttp_ForwardsHttpRequests()
    {
        GeneratedFiles result = Samples.Generate(CloudPlatform.Azure, Samples.Aggregated);

        Assert.Contains("\"enableForwardingHttpRequest\": true", result.File("shop-prod-api/host.json")!.Content, StringComparison.Ordinal);
        Assert.Contains("\"enableForwardingHttpRequest\": false", result.File("shop-prod-nightly/host.json")!.Content, StringComparison.Ordinal);
        Assert.Contains("\"FAAS_HANDLER\": \"jobs.nightly\"", result.File("shop-prod-nightly/local.settings.json")!.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("FAAS_HANDLER", result.File("shop-prod-api/local.settings.json")!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_AllFiles_LineFeedsAndTrailingNewline()
    {
        foreach (CloudPlatform cloud in Enum.GetValues<CloudPlatform>())
        {
            GeneratedFiles result = Samples.Generate(cloud, Samples.Everything, Samples.Options(cloud, unsupportedAsWarnings: true));
            Assert.All(result.Files, f => Assert.True(f.Content.EndsWith('\n') && !f.Content.Contains('\r'), f.Path));
            Assert.Equal(result.Files.Select(f => f.Path).Order(StringComparer.Ordinal), result.Files.Select(f => f.Path));
        }
    }
}
