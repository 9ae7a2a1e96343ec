using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace EndToEnd.Tests;

/// <summary>
/// The published bootstrap running as a real child process with exactly the environment given (plus PATH).
/// Collects stdout lines (one JSON log event each) and lets a test wait for a line or for exit. Dispose sends
/// SIGTERM, then kills the child by its own pid if it is still there.
/// </summary>
internal sealed partial class BootstrapProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();
    private readonly Channel<string> _arrivals = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BootstrapProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public static BootstrapProcess Start(string path, IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment.Clear();
        psi.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        foreach ((string key, string value) in environment)
        {
            psi.Environment[key] = value;
        }
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var child = new BootstrapProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data is null ? null : "stderr: " + e.Data, isStderr: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Every stdout line so far (stderr lines prefixed with "stderr: ").</summary>
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

    /// <summary>The stdout lines parsed as JSON log events (lines that are not JSON fail the test).</summary>
    public IReadOnlyList<JsonElement> LogEvents => Lines
        .Where(l => !l.StartsWith("stderr: ", StringComparison.Ordinal))
        .Select(l => JsonDocument.Parse(l).RootElement)
        .ToArray();

    /// <summary>Waits for a log line whose message contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        foreach (string line in Lines)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }
        try
        {
            while (await _arrivals.Reader.WaitToReadAsync(cts.Token))
            {
                while (_arrivals.Reader.TryRead(out string? line))
                {
                    if (line.Contains(text, StringComparison.Ordinal))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"No line containing '{text}'. Output so far:\n{Output}");
        }
        throw new InvalidOperationException($"The process ended without a line containing '{text}'. Output:\n{Output}");
    }

    /// <summary>Waits for the process to exit and for its output to be read; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? TimeSpan.FromSeconds(20);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(limit);
            await _stdoutClosed.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The bootstrap did not exit within {limit}. Output:\n{Output}");
        }
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Sends SIGTERM, as the platform does on shutdown.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 15);
        }
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

    private void OnLine(string? line, bool isStderr = false)
    {
        if (line is null)
        {
            if (!isStderr)
            {
                _stdoutClosed.TrySetResult();
                _arrivals.Writer.TryComplete();
            }
            return;
        }
        lock (_lines)
        {
            _lines.Add(line);
        }
        _arrivals.Writer.TryWrite(line);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
