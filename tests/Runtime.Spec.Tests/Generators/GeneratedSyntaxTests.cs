using System;
using System.IO;
using System.Text.Json;
using Runtime.Spec.Generators;
using Runtime.Spec.Model;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Runtime.Spec.Tests.Generators;

/// <summary>Every generated file parses as what its extension says, with an independent reader.</summary>
public sealed class GeneratedSyntaxTests
{
    public static TheoryData<CloudPlatform> Clouds() => new(Enum.GetValues<CloudPlatform>());

    [Theory]
    [MemberData(nameof(Clouds))]
    public void Generate_EveryFile_ParsesAsYamlOrJson(CloudPlatform cloud)
    {
        foreach (string sample in new[] { Samples.Aggregated, Samples.Everything })
        {
            GeneratedFiles result = Samples.Generate(cloud, sample, Samples.Options(cloud, unsupportedAsWarnings: true));
            foreach (GeneratedFile file in result.Files)
            {
                if (file.Path.EndsWith(".json", StringComparison.Ordinal))
                {
                    using JsonDocument json = JsonDocument.Parse(file.Content);
                    Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
                }
                else
                {
                    var yaml = new YamlStream();
                    yaml.Load(new StringReader(file.Content));
                    Assert.All(yaml.Documents, d => Assert.IsType<YamlMappingNode>(d.RootNode));
                }
            }
        }
    }

    [Fact]
    public void Generate_CronsAndNumericLookingStrings_ReadBackAsStrings()
    {
        GeneratedFiles result = Samples.Generate(CloudPlatform.Alibaba, Samples.Aggregated, Samples.Options(CloudPlatform.Alibaba));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(result.File("s.yaml")!.Content));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;

        var edition = (YamlScalarNode)root["edition"];
        Assert.Equal("3.0.0", edition.Value);
        Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, edition.Style);
        var nightly = (YamlMappingNode)((YamlMappingNode)root["resources"])["nightly"];
        var trigger = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)nightly["props"])["triggers"])[0];
        Assert.Equal("0 30 2 * * *", ((YamlScalarNode)((YamlMappingNode)trigger["triggerConfig"])["cronExpression"]).Value);
    }
}
