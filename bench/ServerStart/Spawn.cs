using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Threading;

namespace Runtime.ServerStart;

/// <summary>
/// Child processes through libc's <c>posix_spawn</c> (glibc: <c>CLONE_VFORK</c>, no copy of this large process's page
/// tables), born pinned: the spawning thread sets its own affinity to the subject's CPU just before the spawn and
/// restores it just after, and the child inherits that mask; the same mask as <c>taskset -c CPU subject</c>, without
/// an extra exec. (Measured with a C server as the subject: spawning <c>taskset</c> from the harness's CPU made the
/// loader of taskset share that CPU with the harness's connect spin, ~5 ms to first answer instead of ~1.5 ms.)
/// The child inherits stdout and stderr; it is stopped with SIGTERM by its own id, and killed by that id if it has not
/// exited within 5 s.
/// </summary>
internal static class Spawn
{
    private const int SigTerm = 15;
    private const int SigKill = 9;
    private const int WNoHang = 1;

    public static int Start(string path, string cpu, string[] environment)
    {
        IntPtr[] args = ToNative(new[] { path });
        IntPtr[] env = ToNative(environment);
        ulong mask = 1UL << int.Parse(cpu, System.Globalization.CultureInfo.InvariantCulture);
        ulong previous = 0;
        Thread.BeginThreadAffinity();
        try
        {
            Check(sched_getaffinity(0, sizeof(ulong), ref previous), "sched_getaffinity");
            Check(sched_setaffinity(0, sizeof(ulong), ref mask), "sched_setaffinity");
            int error = posix_spawn(out int pid, path, IntPtr.Zero, IntPtr.Zero, args, env);
            Check(sched_setaffinity(0, sizeof(ulong), ref previous), "sched_setaffinity");
            return error == 0 ? pid : throw new Win32Exception(error, "posix_spawn " + path);
        }
        finally
        {
            Thread.EndThreadAffinity();
            Free(args);
            Free(env);
        }
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), call);
        }
    }

    public static bool HasExited(int pid) => waitpid(pid, out _, WNoHang) == pid;

    public static void Stop(int pid)
    {
        if (HasExited(pid))
        {
            return;
        }
        _ = kill(pid, SigTerm);
        DateTime until = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < until)
        {
            if (HasExited(pid))
            {
                return;
            }
            Thread.Sleep(1);
        }
        _ = kill(pid, SigKill);
        _ = waitpid(pid, out _, 0);
    }

    private static IntPtr[] ToNative(string[] values)
    {
        var native = new IntPtr[values.Length + 1];
        for (int i = 0; i < values.Length; i++)
        {
            native[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
        }
        return native;
    }

    private static void Free(IntPtr[] native)
    {
        foreach (IntPtr p in native)
        {
            Marshal.FreeCoTaskMem(p);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_spawn(out int pid, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    /// <summary>pid 0: the calling thread.</summary>
    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setaffinity(int pid, nint cpusetsize, ref ulong mask);

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_getaffinity(int pid, nint cpusetsize, ref ulong mask);

    [DllImport("libc", SetLastError = true)]
    private static extern int waitpid(int pid, out int status, int options);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
