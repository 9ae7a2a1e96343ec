using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.EmulatorCli;

/// <summary>The bootstrap as a child process: only the emulator's environment plus PATH; stdout/stderr inherited.</summary>
internal sealed class ChildBootstrap : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan s_gracePeriod = TimeSpan.FromSeconds(2);

    private readonly Process _process;

    private ChildBootstrap(Process process)
    {
        _process = process;
        Exited = process.WaitForExitAsync();
    }

    /// <summary>Completes when the child has exited.</summary>
    public Task Exited { get; }

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    public static ChildBootstrap Start(string path, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            // Lambda runs the bootstrap from the task root; here that is the bootstrap's own folder.
            WorkingDirectory = Path.GetDirectoryName(path) ?? Environment.CurrentDirectory,
        };

        // Like the platform: the child sees the platform's variables, not the caller's shell (PATH kept so it can run tools).
        start.Environment.Clear();
        foreach (KeyValuePair<string, string> pair in environment)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        string? parentPath = Environment.GetEnvironmentVariable("PATH");
        if (parentPath is not null)
        {
            start.Environment["PATH"] = parentPath;
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
        return new ChildBootstrap(process);
    }

    /// <summary>SIGTERM, then SIGKILL after a grace period; this child only, by its own process id.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            if (OperatingSystem.IsWindows() || kill(_process.Id, SigTerm) != 0)
            {
                _process.Kill();
            }

            using var grace = new CancellationTokenSource(s_gracePeriod);
            await Exited.WaitAsync(grace.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!_process.HasExited)
            {
                _process.Kill();
                await Exited.ConfigureAwait(false);
            }
        }

        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
