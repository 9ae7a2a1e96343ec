using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace Runtime.ColdStart;

/// <summary>The machine the figures come from.</summary>
internal sealed class MachineInfo
{
    public string Cpu { get; init; } = string.Empty;

    public int LogicalCores { get; init; }

    public long TotalMemoryMb { get; init; }

    public string Os { get; init; } = string.Empty;

    public string Kernel { get; init; } = string.Empty;

    /// <summary>The .NET runtime of the harness (and of the runtime packs the subjects were compiled against).</summary>
    public string DotnetRuntime { get; init; } = string.Empty;

    public string DotnetSdk { get; init; } = string.Empty;

    public static MachineInfo Collect(string dotnetSdk) => new()
    {
        Cpu = ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        LogicalCores = Environment.ProcessorCount,
        TotalMemoryMb = MemTotalMb(),
        Os = OsRelease() ?? RuntimeInformation.OSDescription,
        Kernel = KernelRelease() ?? RuntimeInformation.OSDescription,
        DotnetRuntime = RuntimeInformation.FrameworkDescription,
        DotnetSdk = dotnetSdk,
    };

    private static string? ProcField(string file, string name)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (string line in File.ReadLines(file))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().SequenceEqual(name))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    private static long MemTotalMb()
    {
        string? value = ProcField("/proc/meminfo", "MemTotal");
        if (value is not null && value.EndsWith(" kB", StringComparison.Ordinal)
            && long.TryParse(value.AsSpan(0, value.Length - 3).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long kb))
        {
            return kb / 1024;
        }

        return 0;
    }

    private static string? KernelRelease()
    {
        const string file = "/proc/sys/kernel/osrelease";
        return File.Exists(file) ? "Linux " + File.ReadAllText(file).Trim() : null;
    }

    private static string? OsRelease()
    {
        const string file = "/etc/os-release";
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (string line in File.ReadLines(file))
        {
            if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            {
                return line["PRETTY_NAME=".Length..].Trim('"');
            }
        }

        return null;
    }
}
