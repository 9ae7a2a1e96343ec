using System;
using System.Collections.Generic;

namespace Runtime.Soak;

/// <summary>
/// The platforms the soak drives, one per line of the bootstrap's two models: AWS for the poll model (the bootstrap
/// long-polls the emulator), Alibaba FC and Cloud Run for the server model (the emulator calls the bootstrap's HTTP server
/// over one keep-alive connection). Names are the bootstrap's <c>FAAS_PLATFORM</c> values.
/// </summary>
internal enum SoakPlatform
{
    Aws,
    Fc,
    CloudRun,
}

/// <summary>Names and models of <see cref="SoakPlatform"/>.</summary>
internal static class SoakPlatforms
{
    public static IReadOnlyList<SoakPlatform> All { get; } = new[] { SoakPlatform.Aws, SoakPlatform.Fc, SoakPlatform.CloudRun };

    public static string Name(SoakPlatform platform) => platform switch
    {
        SoakPlatform.Aws => "aws",
        SoakPlatform.Fc => "fc",
        SoakPlatform.CloudRun => "cloudrun",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };

    public static string Model(SoakPlatform platform) => platform == SoakPlatform.Aws ? "poll" : "server";

    public static SoakPlatform? Parse(string name)
    {
        foreach (SoakPlatform platform in All)
        {
            if (string.Equals(Name(platform), name, StringComparison.OrdinalIgnoreCase))
            {
                return platform;
            }
        }

        return null;
    }
}
