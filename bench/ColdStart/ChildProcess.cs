using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.ColdStart;

/// <summary>
/// A subject running as a child process: environment = the emulator's variables + PATH only (as on the platform),
/// working directory = its publish folder, stdout/stderr drained into <see cref="OutputTail"/>s. Stopped with SIGTERM
/// (libc <c>kill</c>, this process id only); disposing kills it if it is still running.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan s_outputGrace = TimeSpan.FromSeconds(1);

    private readonly Process _process;
    private OutputTail? _stdout;
    private OutputTail? _stderr;

    private ChildProcess(Process process)
    {
        _process = process;
        Id = process.Id;
        Exited = process.WaitForExitAsync();
    }

    public int Id { get; }

    /// <summary>Completes when the child has exited.</summary>
    public Task Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    public int ExitCode => _process.ExitCode;

    /// <summary>When <c>Process.Start</c> returned (it returns once the exec has succeeded).</summary>
    public long StartReturnedTimestamp { get; private init; }

    /// <summary>
    /// Starts reading the child's stdout and stderr. Until then its output waits in the pipes (64 KiB each), so a cold
    /// start is not interrupted by the harness waking up to read a log line; a long run must start draining at once.
    /// </summary>
    public void StartDraining()
    {
        _stdout ??= new OutputTail(_process.StandardOutput.BaseStream);
        _stderr ??= new OutputTail(_process.StandardError.BaseStream);
    }

    /// <summary>Starts <paramref name="path"/>; <paramref name="startTimestamp"/> is taken immediately before the start.</summary>
    /// <param name="cpu">
    /// When set, the child starts pinned to this CPU whatever the harness's own mask: the calling thread is pinned to it
    /// just for the fork (a child inherits the mask of the thread that forks it), before the timestamp.
    /// </param>
    /// <param name="launcher">When set, the program started instead (found on PATH), with <paramref name="path"/> as its one argument.</param>
    public static ChildProcess Start(
        string path, IReadOnlyDictionary<string, string> environment, out long startTimestamp, int? cpu = null, string? launcher = null)
    {
        var start = new ProcessStartInfo(launcher ?? path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(path) ?? Environment.CurrentDirectory,
        };
        if (launcher is not null)
        {
            start.ArgumentList.Add(path);
        }

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

        var process = new Process { StartInfo = start };
        ulong? threadMask = cpu is int only ? Affinity.PinCurrentThread(only) : null;
        long returned;
        try
        {
            startTimestamp = Stopwatch.GetTimestamp();
            process.Start();
            returned = Stopwatch.GetTimestamp();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new HarnessException("could not start " + path + ": " + ex.Message);
        }
        finally
        {
            if (threadMask is ulong mask)
            {
                Affinity.SetCurrentThreadMask(mask);
            }
        }

        return new ChildProcess(process) { StartReturnedTimestamp = returned };
    }

    /// <summary>The child's <c>Cpus_allowed_list</c> from <c>/proc/&lt;pid&gt;/status</c> (e.g. <c>0</c> or <c>0-1</c>).</summary>
    public string AllowedCpus()
    {
        string status = ReadStatus();
        int at = status.IndexOf("Cpus_allowed_list:", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new HarnessException("no Cpus_allowed_list in /proc/" + Id + "/status");
        }

        ReadOnlySpan<char> rest = status.AsSpan(at + "Cpus_allowed_list:".Length);
        int end = rest.IndexOf('\n');
        return (end < 0 ? rest : rest[..end]).Trim().ToString();
    }

    /// <summary>Exit code and the end of the child's output, for error messages (waits briefly for the output to end).</summary>
    public async Task<string> DescribeAsync()
    {
        StartDraining();
        if (HasExited)
        {
            // The pipes may still hold the child's last words; they end when every holder of the pipe is gone.
            await Task.WhenAll(_stdout!.Completion, _stderr!.Completion).WaitAsync(s_outputGrace)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return Describe();
    }

    /// <summary>Exit code and the end of the child's output, for error messages.</summary>
    public string Describe()
    {
        StartDraining();
        string state = HasExited ? "exit code " + _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "still running";
        return state + "\n  stdout (end): " + Indent(_stdout!.ToString()) + "\n  stderr (end): " + Indent(_stderr!.ToString());
    }

    /// <summary>Sends SIGTERM and waits up to <paramref name="grace"/>; past that, kills the child.</summary>
    public async Task<StopResult> StopAsync(TimeSpan grace)
    {
        StartDraining();
        long sent = Stopwatch.GetTimestamp();
        if (!HasExited && kill(Id, SigTerm) != 0 && !HasExited)
        {
            throw new HarnessException("kill(" + Id + ", SIGTERM) failed with errno " + Marshal.GetLastPInvokeError());
        }

        bool killed = false;
        try
        {
            await Exited.WaitAsync(grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            killed = true;
            _process.Kill();
            await Exited.ConfigureAwait(false);
        }

        double elapsedMs = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        return new StopResult(_process.ExitCode, elapsedMs, killed);
    }

    /// <summary>VmRSS and VmHWM (peak) of the child from <c>/proc/&lt;pid&gt;/status</c>, in KiB.</summary>
    public (long RssKb, long PeakRssKb) ReadMemory()
    {
        string status = ReadStatus();
        return (StatusField(status, "VmRSS:"), StatusField(status, "VmHWM:"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            _process.Kill();
            await Exited.ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private string ReadStatus()
    {
        try
        {
            return File.ReadAllText("/proc/" + Id.ToString(CultureInfo.InvariantCulture) + "/status");
        }
        catch (IOException ex)
        {
            throw new HarnessException("cannot read /proc/" + Id + "/status (" + ex.Message + "); child " + Describe());
        }
    }

    private static long StatusField(string status, string name)
    {
        int at = status.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new HarnessException("no " + name + " in /proc/<pid>/status");
        }

        ReadOnlySpan<char> rest = status.AsSpan(at + name.Length);
        int end = rest.IndexOf('\n');
        ReadOnlySpan<char> value = (end < 0 ? rest : rest[..end]).Trim();
        if (!value.EndsWith(" kB", StringComparison.Ordinal)
            || !long.TryParse(value[..^3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long kb))
        {
            throw new HarnessException("unexpected " + name + " line in /proc/<pid>/status: " + value.ToString());
        }

        return kb;
    }

    private static string Indent(string text) =>
        text.Length == 0 ? "(nothing)" : "\n    " + text.TrimEnd().Replace("\n", "\n    ", StringComparison.Ordinal);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
