using System.Globalization;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Runtime.ColdStart;

/// <summary>Pins this process to one CPU with <c>sched_setaffinity</c> (Linux); children started afterwards inherit the mask.</summary>
internal static class Affinity
{
    private const int Esrch = 3;

    /// <summary>The lowest CPU this process may run on (CPUs 0-63 are considered).</summary>
    public static int FirstAllowedCpu() => BitOperations.TrailingZeroCount(AllowedMask());

    private static ulong AllowedMask()
    {
        ulong mask = 0;
        if (sched_getaffinity(0, sizeof(ulong), ref mask) != 0 || mask == 0)
        {
            throw new HarnessException("sched_getaffinity failed with errno " + Marshal.GetLastPInvokeError() + " (use --no-pin)");
        }

        return mask;
    }

    /// <summary>The lowest CPU this process may run on other than <paramref name="cpu"/>, or null when there is none.</summary>
    public static int? OtherAllowedCpu(int cpu)
    {
        ulong mask = AllowedMask() & ~(1UL << cpu);
        return mask == 0 ? null : BitOperations.TrailingZeroCount(mask);
    }

    /// <summary>Pins the calling thread alone to <paramref name="cpu"/>; returns its previous mask for <see cref="SetCurrentThreadMask"/>.</summary>
    public static ulong PinCurrentThread(int cpu)
    {
        ulong previous = 0;
        if (sched_getaffinity(0, sizeof(ulong), ref previous) != 0)
        {
            throw new HarnessException("sched_getaffinity failed with errno " + Marshal.GetLastPInvokeError() + " (use --no-pin)");
        }

        SetCurrentThreadMask(1UL << cpu);
        return previous;
    }

    /// <summary>Sets the calling thread's CPU mask (pid 0 = the calling thread).</summary>
    public static void SetCurrentThreadMask(ulong mask)
    {
        if (sched_setaffinity(0, sizeof(ulong), ref mask) != 0)
        {
            throw new HarnessException("sched_setaffinity(current thread) failed with errno " + Marshal.GetLastPInvokeError() + " (use --no-pin)");
        }
    }

    /// <summary>
    /// Pins every existing thread of this process to <paramref name="cpu"/>. Threads created later inherit the mask of
    /// the thread that creates them, and a child process that of the thread that forks it, so all of them end up there.
    /// </summary>
    public static void PinProcess(int cpu)
    {
        ulong mask = 1UL << cpu;
        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            int tid = int.Parse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture);
            if (sched_setaffinity(tid, sizeof(ulong), ref mask) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();

                // A thread that ended since the listing needs no pinning.
                if (errno != Esrch)
                {
                    throw new HarnessException("sched_setaffinity(" + tid + ", cpu " + cpu + ") failed with errno " + errno + " (use --no-pin)");
                }
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setaffinity(int pid, nint cpusetsize, ref ulong mask);

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_getaffinity(int pid, nint cpusetsize, ref ulong mask);
}
