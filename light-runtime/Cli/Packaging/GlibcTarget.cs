using Runtime.Spec.Model;
using Runtime.Spec.Packaging;

namespace Runtime.Cli.Packaging;

/// <summary>
/// The glibc a cloud's custom runtime provides, where the cloud documents it, and the check of a bootstrap against it:
/// a bootstrap that needs a newer glibc than the target's fails at its first cold start with a loader error, far from
/// the build that caused it (see design.md, "Deploy constraints").
/// </summary>
internal static class GlibcTarget
{
    /// <summary>The documented glibc of <paramref name="platform"/>'s runtime and where that comes from; null version when undocumented.</summary>
    public static (GlibcVersion? Version, string Runtime) Of(CloudPlatform platform) => platform switch
    {
        // https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html: Amazon Linux 2023 ships glibc 2.34.
        CloudPlatform.Aws => (new GlibcVersion(2, 34), "AWS Lambda provided.al2023"),
        // FC custom.debian12 is Debian 12 (bookworm), whose glibc is 2.36.
        CloudPlatform.Alibaba => (new GlibcVersion(2, 36), "Function Compute custom.debian12"),
        // The Dockerfile the package step writes builds on debian:12-slim (glibc 2.36).
        CloudPlatform.Knative => (new GlibcVersion(2, 36), "the generated Dockerfile's Debian 12 base"),
        CloudPlatform.Tencent => (null, "SCF custom runtime"),
        CloudPlatform.Huawei => (null, "FunctionGraph custom runtime"),
        _ => (null, "Azure Functions custom handler host"),
    };

    /// <summary>
    /// Checks <paramref name="bootstrap"/> for <paramref name="platform"/> (or against <paramref name="target"/> when the user
    /// gave one), adding an error to <paramref name="report"/> when it needs too new a glibc and a warning when the
    /// cloud's glibc is unknown.
    /// </summary>
    public static void Check(BootstrapImage bootstrap, CloudPlatform platform, string platformName, GlibcVersion? target, Report report)
    {
        if (bootstrap.NewestGlibc is not GlibcVersion needed)
        {
            return; // Static, or no versioned glibc symbols: nothing the loader could refuse.
        }
        (GlibcVersion? documented, string runtime) = Of(platform);
        string against = target is null ? $"{platformName} ({runtime}) has glibc {documented}" : $"--target-glibc is {target}";
        GlibcVersion? limit = target ?? documented;
        if (limit is null)
        {
            report.Warning(bootstrap.Path,
                $"the bootstrap needs glibc {needed} (GLIBC_{needed}); {platformName} does not document the glibc of its {runtime}, "
                + "so this was not checked; pass --target-glibc x.y to check against a version you know");
            return;
        }
        if (needed > limit.Value)
        {
            report.Error(bootstrap.Path,
                $"the bootstrap needs glibc {needed} (GLIBC_{needed}) but {against}; the loader would refuse it at the first cold start. "
                + $"Publish it on a system whose glibc is {limit} or older (e.g. in a container of that distribution)");
        }
    }
}
