using System;
using System.Runtime.InteropServices;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// SIGTERM for the app's process: .NET's <see cref="System.Diagnostics.Process.Kill()"/> sends only SIGKILL, and an app
/// should get the chance to finish in-flight work and flush logs. A blittable P/Invoke: fine under native AOT.
/// </summary>
internal static partial class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM to <paramref name="processId"/>; false when the process is gone or the OS is not Unix.</summary>
    public static bool Terminate(int processId) =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) && Kill(processId, SigTerm) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
