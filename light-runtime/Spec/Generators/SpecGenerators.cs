using System;
using Runtime.Spec.Generators.Alibaba;
using Runtime.Spec.Generators.Aws;
using Runtime.Spec.Generators.Azure;
using Runtime.Spec.Generators.Huawei;
using Runtime.Spec.Generators.Knative;
using Runtime.Spec.Generators.Tencent;
using Runtime.Spec.Model;

namespace Runtime.Spec.Generators;

/// <summary>The generator of each cloud (a switch, not a lookup by name: every generator is known at build time).</summary>
internal static class SpecGenerators
{
    /// <summary>The generator that writes <paramref name="platform"/>'s own deployment files.</summary>
    public static ISpecGenerator For(CloudPlatform platform) => platform switch
    {
        CloudPlatform.Aws => new SamGenerator(),
        CloudPlatform.Alibaba => new FcGenerator(),
        CloudPlatform.Tencent => new ScfGenerator(),
        CloudPlatform.Huawei => new FunctionGraphGenerator(),
        CloudPlatform.Azure => new AzureFunctionsGenerator(),
        CloudPlatform.Knative => new KnativeGenerator(),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "No generator for this cloud."),
    };
}
