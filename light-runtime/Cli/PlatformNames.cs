using System;
using Runtime.Spec.Model;

namespace Runtime.Cli;

/// <summary>The clouds as <c>--platform</c> names them; f.yml's aliases for <c>provider.name</c> are accepted too.</summary>
internal static class PlatformNames
{
    /// <summary>The names <c>--platform</c> documents, in <see cref="CloudPlatform"/> order.</summary>
    public static readonly string[] Documented = ["aws", "tencent", "alibaba", "huawei", "azure", "knative"];

    /// <summary>Parses <paramref name="name"/> (case-insensitive).</summary>
    public static bool TryParse(string name, out CloudPlatform platform)
    {
        switch (name.ToLowerInvariant())
        {
            case "aws":
                platform = CloudPlatform.Aws;
                return true;
            case "tencent" or "scf":
                platform = CloudPlatform.Tencent;
                return true;
            case "alibaba" or "aliyun" or "fc":
                platform = CloudPlatform.Alibaba;
                return true;
            case "huawei" or "fg":
                platform = CloudPlatform.Huawei;
                return true;
            case "azure":
                platform = CloudPlatform.Azure;
                return true;
            case "knative" or "cloudrun":
                platform = CloudPlatform.Knative;
                return true;
            default:
                platform = default;
                return false;
        }
    }

    /// <summary>The documented name of <paramref name="platform"/>.</summary>
    public static string Of(CloudPlatform platform) => Documented[(int)platform];

    /// <summary>"aws, tencent, ..." for messages.</summary>
    public static string List => string.Join(", ", Documented);
}
