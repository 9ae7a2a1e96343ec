using System;
using System.Collections.Generic;
using System.Linq;

namespace Runtime.ColdStart;

/// <summary>
/// Names and models of the platforms. On a <em>poll</em> platform (AWS, SCF and Huawei event functions) the bootstrap
/// long-polls the platform's runtime API for events; on a <em>server</em> platform (Alibaba FC, Azure custom handlers,
/// Cloud Run, Tencent web and Huawei HTTP functions) the bootstrap is an HTTP server and the platform calls it.
/// The names are the bootstrap's own (<c>FAAS_PLATFORM</c> values).
/// </summary>
internal static class Platforms
{
    public const string PollModel = "poll";
    public const string ServerModel = "server";

    public static IReadOnlyList<Platform> All { get; } = new[]
    {
        Platform.Aws, Platform.Scf, Platform.Huawei, Platform.Fc, Platform.Azure, Platform.CloudRun, Platform.ScfWeb, Platform.HuaweiHttp,
    };

    /// <summary>"aws | scf | … | all", for the usage text and error messages.</summary>
    public static string Choices => string.Join(" | ", All.Select(Name)) + " | all";

    public static string Name(Platform platform) => platform switch
    {
        Platform.Aws => "aws",
        Platform.Scf => "scf",
        Platform.Huawei => "huawei",
        Platform.Fc => "fc",
        Platform.Azure => "azure",
        Platform.CloudRun => "cloudrun",
        Platform.ScfWeb => "scf-web",
        Platform.HuaweiHttp => "huawei-http",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    public static bool IsServer(Platform platform) => platform >= Platform.Fc;

    public static string Model(Platform platform) => IsServer(platform) ? ServerModel : PollModel;

    /// <summary>The platform named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static Platform? Parse(string name)
    {
        foreach (Platform platform in All)
        {
            if (string.Equals(Name(platform), name, StringComparison.OrdinalIgnoreCase))
            {
                return platform;
            }
        }

        return null;
    }
}
