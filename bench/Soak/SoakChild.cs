using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Runtime.Soak;

/// <summary>
/// The bootstrap as a child process: environment = exactly the variables given + PATH, working directory = its folder.
/// Its stdout is read line by line from the start: GC lines go to <see cref="NextGcLineAsync"/>, ERROR and FATAL
/// lines are counted, and the last lines are kept for error messages. Stopped with SIGTERM to this pid only; disposing
/// kills it if it is still running.
/// </summary>
internal sealed class SoakChild : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int TailLines = 30;

    private readonly Process _process;
    private readonly Channel<GcLine> _gcLines = Channel.CreateUnbounded<GcLine>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<string> _tail = new();
    private int _errorLines;

    private SoakChild(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Lines logged at ERROR or FATAL so far.</summary>
    public int ErrorLines => Volatile.Read(ref _errorLines);

    public static SoakChild Start(string path, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = System.IO.Path.GetDirectoryName(path) ?? Environment.CurrentDirectory,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        foreach (KeyValuePair<string, string> pair in environment)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        var process = new Process { StartInfo = start };
        var child = new SoakChild(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, stderr: false);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, stderr: true);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new SoakException("could not start " + path + ": " + ex.Message);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The next GC line whose invocation count is at least <paramref name="invocations"/> (earlier ones are skipped).</summary>
    public async Task<GcLine> NextGcLineAsync(long invocations, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                GcLine line = await _gcLines.Reader.ReadAsync(limit.Token).ConfigureAwait(false);
                if (line.Invocations >= invocations)
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SoakException("no GC line for invocation " + invocations + " within " + timeout.TotalSeconds + " s (is FAAS_DIAGNOSTICS_GC set?); child " + Describe());
        }
        catch (ChannelClosedException)
        {
            throw new SoakException("the child's output ended before the GC line for invocation " + invocations + "; child " + Describe());
        }
    }

    /// <summary>Exit state and the last lines of output, for error messages.</summary>
    public string Describe()
    {
        string state = _process.HasExited ? "exited with " + _process.ExitCode : "still running";
        lock (_tail)
        {
            return state + "; last output:\n    " + (_tail.Count == 0 ? "(nothing)" : string.Join("\n    ", _tail));
        }
    }

    /// <summary>SIGTERM, then up to <paramref name="grace"/> for the child to exit; returns its exit code (killed: -1).</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SigTerm);
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(grace).ConfigureAwait(false);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
            return -1;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void OnLine(string? line, bool stderr)
    {
        if (line is null)
        {
            if (!stderr)
            {
                _gcLines.Writer.TryComplete();
            }

            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(stderr ? "stderr: " + line : line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }

        if (stderr || line.Contains("\"level\":\"ERROR\"", StringComparison.Ordinal) || line.Contains("\"level\":\"FATAL\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorLines);
            return;
        }

        if (GcLine.TryParse(line) is { } gc)
        {
            _gcLines.Writer.TryWrite(gc);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
