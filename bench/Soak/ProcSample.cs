using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Runtime.Soak;

/// <summary>
/// What <c>/proc/&lt;pid&gt;</c> says of a process at one moment: VmRSS, open descriptors, threads, and the threads'
/// names (<c>task/*/comm</c>, counted: ".NET TP Worker ×2, main"), so a change in the thread count says which kind grew.
/// </summary>
internal readonly record struct ProcSample(long RssKb, int Fds, int Threads, string ThreadNames)
{
    /// <summary>Reads <c>/proc/&lt;pid&gt;/status</c> (VmRSS, Threads) and counts the entries of <c>/proc/&lt;pid&gt;/fd</c>.</summary>
    public static ProcSample Read(int pid)
    {
        string proc = "/proc/" + pid.ToString(CultureInfo.InvariantCulture);
        string status;
        int fds;
        try
        {
            status = File.ReadAllText(proc + "/status");
            fds = Directory.GetFileSystemEntries(proc + "/fd").Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SoakException("cannot read " + proc + " (" + ex.Message + ")");
        }

        return new ProcSample(Field(status, "VmRSS:", " kB"), fds, (int)Field(status, "Threads:", string.Empty), ThreadNamesOf(proc));
    }

    private static string ThreadNamesOf(string proc)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string task in Directory.EnumerateDirectories(proc + "/task"))
        {
            string name;
            try
            {
                name = File.ReadAllText(task + "/comm").TrimEnd('\n');
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read: it is not there to name.
                continue;
            }

            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return string.Join(", ", counts.Select(static p => p.Value == 1 ? p.Key : p.Key + " ×" + p.Value.ToString(CultureInfo.InvariantCulture)));
    }

    private static long Field(string status, string name, string unit)
    {
        int at = status.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new SoakException("no " + name + " in /proc/<pid>/status");
        }

        ReadOnlySpan<char> rest = status.AsSpan(at + name.Length);
        int end = rest.IndexOf('\n');
        ReadOnlySpan<char> value = (end < 0 ? rest : rest[..end]).Trim();
        if (!value.EndsWith(unit, StringComparison.Ordinal)
            || !long.TryParse(value[..^unit.Length].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long number))
        {
            throw new SoakException("unexpected " + name + " line in /proc/<pid>/status: " + value.ToString());
        }

        return number;
    }
}
