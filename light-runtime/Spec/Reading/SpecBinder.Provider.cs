using System.Collections.Generic;
using Runtime.Spec.Model;
using Runtime.Spec.Rules;
using Runtime.Spec.Yaml;

namespace Runtime.Spec.Reading;

internal sealed partial class SpecBinder
{
    /// <summary>The f.yml spellings of <see cref="CloudPlatform"/>; the first of each is the one messages suggest.</summary>
    private static readonly (string Name, CloudPlatform Cloud)[] s_clouds =
    [
        ("aws", CloudPlatform.Aws), ("tencent", CloudPlatform.Tencent), ("aliyun", CloudPlatform.Alibaba),
        ("huawei", CloudPlatform.Huawei), ("azure", CloudPlatform.Azure), ("knative", CloudPlatform.Knative),
        ("scf", CloudPlatform.Tencent), ("alibaba", CloudPlatform.Alibaba), ("fc", CloudPlatform.Alibaba),
        ("fg", CloudPlatform.Huawei), ("cloudrun", CloudPlatform.Knative),
    ];

    private const string CloudsExpected = "aws, tencent, aliyun, huawei, azure or knative";

    // Wide enough for every cloud; each generator checks its own cloud's range and steps.
    internal const int MinMemory = 64, MaxMemory = 32768, MaxTimeout = 86400, MaxConcurrency = 1000;

    private ProviderSpec Provider(Fields root)
    {
        const string expected = "a mapping with the cloud's 'name'";
        YamlEntry? entry = root.Entry("provider", expected, required: true);
        if (entry?.Value is not YamlMapping mapping)
        {
            if (entry is not null)
            {
                Bag.Error(entry.Value.Location, $"'provider' must be {expected}; got {entry.Value.Describe()}");
            }
            return new ProviderSpec { Name = CloudPlatform.Aws };
        }
        var fields = new Fields(mapping, "provider", entry.Key.Location, this);
        CloudPlatform cloud = Cloud(fields);
        string? region = fields.String("region", "a region name, e.g. us-east-1");
        if (region is not null && !IsRegion(region))
        {
            Bag.Error(mapping.Entries.Find(e => e.Key.Value == "region")!.Value.Location,
                $"region '{region}' may contain only lower-case letters, digits and hyphens");
        }
        string? stage = Name(fields, "stage", "stage");
        var provider = new ProviderSpec
        {
            Location = entry.Key.Location,
            Name = cloud,
            Region = region,
            Stage = stage ?? "dev",
            MemorySize = fields.Int("memorySize", MinMemory, MaxMemory, " of MB"),
            Timeout = fields.Int("timeout", 1, MaxTimeout, " of seconds"),
            InitTimeout = fields.Int("initTimeout", 1, MaxTimeout, " of seconds"),
            Concurrency = fields.Int("concurrency", 1, MaxConcurrency, ""),
            Environment = fields.Variables("environment", "environment variable", reserveFaas: true),
        };
        fields.Finish(provider);
        return provider;
    }

    private CloudPlatform Cloud(Fields fields)
    {
        YamlEntry? entry = fields.Entry("name", CloudsExpected, required: true);
        if (entry is null || Text(entry.Value, "name", CloudsExpected) is not { } text)
        {
            return CloudPlatform.Aws;
        }
        foreach ((string name, CloudPlatform cloud) in s_clouds)
        {
            if (name == text)
            {
                return cloud;
            }
        }
        string hint = KeySuggestion.Nearest(text, Names()) is { } nearest ? $" (did you mean '{nearest}'?)" : "";
        Bag.Error(entry.Value.Location, $"unknown cloud '{text}'; expected {CloudsExpected}{hint}");
        return CloudPlatform.Aws;
    }

    private static IEnumerable<string> Names()
    {
        foreach ((string name, _) in s_clouds)
        {
            yield return name;
        }
    }

    private static bool IsRegion(string region)
    {
        if (region.Length == 0)
        {
            return false;
        }
        foreach (char c in region)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }
        return true;
    }
}
