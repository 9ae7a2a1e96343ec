using System.Linq;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Xunit;

namespace Runtime.Spec.Tests.Generators;

/// <summary>
/// Every cloud's generator against its golden files (golden/&lt;cloud&gt;/), each reviewed by hand once against the
/// schema documented for that cloud:
/// <list type="bullet">
/// <item>aws: AWS SAM, https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html,
/// sam-property-function-httpapi.html, -api.html, -schedule.html, -s3.html, -sqs.html, -cloudwatchlogs.html and
/// sam-resource-layerversion.html; cron dialect https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html.</item>
/// <item>alibaba: Serverless Devs fc3, https://github.com/devsapp/fc3/blob/master/docs/zh/yaml/readme.md and
/// docs/zh/yaml/triggers.md; timer cron https://www.alibabacloud.com/help/en/functioncompute/fc/time-triggers.</item>
/// <item>tencent: the scf component, https://github.com/serverless-components/tencent-scf/blob/master/docs/configure.md;
/// cron https://cloud.tencent.com/document/product/583/9708.</item>
/// <item>huawei: the fgs component, https://github.com/zy-linn/fgs-component/blob/main/docs/zh/yaml/function.md and
/// trigger.md; cron https://support.huaweicloud.com/intl/en-us/usermanual-functiongraph/functiongraph_01_0908.html.</item>
/// <item>azure: custom handlers, https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers; host.json
/// https://learn.microsoft.com/azure/azure-functions/functions-host-json; bindings functions-bindings-http-webhook-trigger,
/// functions-bindings-timer (NCRONTAB), functions-bindings-storage-blob-trigger, functions-bindings-storage-queue-trigger.</item>
/// <item>knative: Knative Serving API, https://knative.dev/docs/serving/reference/serving-api/; PingSource
/// https://knative.dev/docs/eventing/sources/ping-source/reference/; KafkaSource
/// https://knative.dev/docs/eventing/sources/kafka-source/reference/.</item>
/// </list>
/// </summary>
public sealed class GeneratorGoldenTests
{
    /// <summary>Each cloud, its golden folder, and one field of <see cref="Samples.Everything"/> it cannot express.</summary>
    public static TheoryData<CloudPlatform, string, string> Clouds => new()
    {
        { CloudPlatform.Aws, "aws", "initTimeout" },
        { CloudPlatform.Alibaba, "alibaba", "batchSize" },
        { CloudPlatform.Tencent, "tencent", "concurrency" },
        { CloudPlatform.Huawei, "huawei", "initTimeout" },
        { CloudPlatform.Azure, "azure", "memorySize" },
        { CloudPlatform.Knative, "knative", "filterTag" },
    };

    [Theory]
    [MemberData(nameof(Clouds))]
    public void Generate_GroupOfThreeAndLoneFunction_MatchesGolden(CloudPlatform cloud, string folder, string unsupported)
    {
        _ = unsupported;
        GeneratedFiles result = Samples.Generate(cloud, Samples.Aggregated);

        // A group's paths and methods are routed inside the bootstrap, so nothing is lost on any cloud.
        Assert.Empty(result.Diagnostics);
        Golden.Verify(folder, "aggregated", result);
    }

    [Theory]
    [MemberData(nameof(Clouds))]
    public void Generate_EveryEventAndSettingAsWarnings_MatchesGoldenWithWarnings(CloudPlatform cloud, string folder, string unsupported)
    {
        _ = unsupported;
        GeneratedFiles result = Samples.Generate(cloud, Samples.Everything, Samples.Options(cloud, unsupportedAsWarnings: true));

        Assert.False(result.HasErrors);
        Golden.Verify(folder, "everything", result);
    }

    [Theory]
    [MemberData(nameof(Clouds))]
    public void Generate_UnsupportedField_ErrorAtTheFieldsLine(CloudPlatform cloud, string folder, string unsupported)
    {
        _ = folder;
        GeneratedFiles result = Samples.Generate(cloud, Samples.Everything);

        Assert.True(result.HasErrors);
        int line = Samples.LineOf(cloud, Samples.Everything, unsupported + ":");
        Assert.Contains(result.Diagnostics, d => d.Severity == SpecSeverity.Error && d.Location.Line == line
            && d.Message.StartsWith($"'{unsupported}':", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == SpecSeverity.Warning);
    }

    [Theory]
    [MemberData(nameof(Clouds))]
    public void Generate_SameSpecTwice_SameBytes(CloudPlatform cloud, string folder, string unsupported)
    {
        _ = (folder, unsupported);
        GeneratedFiles first = Samples.Generate(cloud, Samples.Everything, Samples.Options(cloud, unsupportedAsWarnings: true));
        GeneratedFiles second = Samples.Generate(cloud, Samples.Everything, Samples.Options(cloud, unsupportedAsWarnings: true));

        Assert.Equal(first.Files.Select(f => (f.Path, f.Content)), second.Files.Select(f => (f.Path, f.Content)));
    }
}
