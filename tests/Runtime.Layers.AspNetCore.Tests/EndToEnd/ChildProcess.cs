using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Runtime.Layers.AspNetCore.Tests.EndToEnd;

/// <summary>
/// A published bootstrap running as a child process with exactly the environment given (plus PATH); collects its
/// stdout and stderr lines. Dispose sends SIGTERM, then kills that child by its own id if it is still there.
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    /// <summary>The child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Stopwatch timestamp taken just before the process was started.</summary>
    public long StartedTimestamp { get; private init; }

    public static ChildProcess Start(string path, IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment.Clear();
        psi.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        foreach ((string key, string value) in environment)
        {
            psi.Environment[key] = value;
        }
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        long started = Stopwatch.GetTimestamp();
        var child = new ChildProcess(process) { StartedTimestamp = started };
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, isStderr: false);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, isStderr: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Every line so far (stderr lines prefixed with "stderr: ").</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    public string Output => string.Join('\n', Lines);

    /// <summary>Sends SIGTERM, as the platform does on shutdown.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 15);
        }
    }

    /// <summary>Waits for the process to exit and its output to be read; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            await _stdoutClosed.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The bootstrap did not exit within {timeout}. Output:\n{Output}");
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Terminate();
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }

    private void OnLine(string? line, bool isStderr)
    {
        if (line is null)
        {
            if (!isStderr)
            {
                _stdoutClosed.TrySetResult();
            }
            return;
        }
        lock (_lines)
        {
            _lines.Add(isStderr ? "stderr: " + line : line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
