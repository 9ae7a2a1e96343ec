using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Serilog;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// The app's process, when the layer starts it from the configured command. The command runs under <c>/bin/sh -c</c>
/// (<c>cmd.exe /c</c> on Windows) in the configured folder with <c>PORT</c> set to the app's port; a command without
/// shell operators is run as <c>exec command</c>, so the app itself is the child and receives SIGTERM at Close. The
/// child inherits the bootstrap's stdout and stderr, so its logs pass through unchanged and uncopied. Its exit is
/// watched from the start: <see cref="HasExited"/> and <see cref="ExitCode"/> are set the moment it ends.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private static readonly char[] s_shellOperators = { ';', '&', '|', '<', '>', '(', ')', '`', '\n', '\r' };

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly Task _exited;
    private volatile bool _stopping;
    private int _exitCode;

    private AppProcess(Process process, string program, ILogger logger)
    {
        _process = process;
        Program = program;
        _logger = logger;
        Id = process.Id;
        _exited = WatchAsync();
    }

    /// <summary>The process id.</summary>
    public int Id { get; }

    /// <summary>The command's first word, for messages (the rest of the command may carry arguments not meant for logs).</summary>
    public string Program { get; }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _exited.IsCompleted;

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Completes when the process ends.</summary>
    public Task Exited => _exited;

    /// <summary>Starts <paramref name="command"/>; throws <see cref="WebAppException"/> naming the layer when it cannot start.</summary>
    public static AppProcess Start(string layerName, string command, string? workingDirectory, int port, ILogger logger)
    {
        string program = FirstWord(command);
        bool windows = OperatingSystem.IsWindows();
        var start = new ProcessStartInfo(windows ? "cmd.exe" : "/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        start.ArgumentList.Add(windows ? "/c" : "-c");
        start.ArgumentList.Add(windows || command.IndexOfAny(s_shellOperators) >= 0 || command.StartsWith("exec ", StringComparison.Ordinal)
            ? command
            : "exec " + command);
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception ex)
        {
            throw new WebAppException(WebAppErrorTypes.StartFailed,
                $"Layer '{layerName}': could not start the app's command ('{program}' in '{workingDirectory ?? "the current folder"}'): {ex.Message}", ex);
        }
        if (process is null)
        {
            throw new WebAppException(WebAppErrorTypes.StartFailed, $"Layer '{layerName}': could not start the app's command ('{program}').");
        }
        logger.Information("Started the app ({Program}) as process {ProcessId}, port {Port}", program, process.Id, port);
        return new AppProcess(process, program, logger);
    }

    /// <summary>
    /// Stops the app: SIGTERM, up to <paramref name="grace"/> for it to exit, then SIGKILL to it and its children.
    /// </summary>
    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (HasExited)
        {
            return;
        }
        _stopping = true;
        if (grace > TimeSpan.Zero && PosixSignals.Terminate(Id))
        {
            try
            {
                await _exited.WaitAsync(grace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TimeoutException)
            {
                _logger.Warning("The app (process {ProcessId}) did not exit within {GraceMs} ms of SIGTERM; killing it", Id, grace.TotalMilliseconds);
            }
        }
        Kill();
        await _exited.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the app and its children at once, if it still runs.</summary>
    public void Kill()
    {
        _stopping = true;
        if (!HasExited)
        {
            // Does nothing for a process that has exited meanwhile.
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Kills the app if it still runs and releases the process handle.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        await _exited.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task WatchAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        int code = _process.ExitCode;
        Volatile.Write(ref _exitCode, code);
        if (_stopping)
        {
            _logger.Information("The app (process {ProcessId}) stopped with code {ExitCode}", Id, code);
        }
        else
        {
            // Not swallowed: every later invocation fails with this exit named (see WebApp.ThrowIfExited).
            _logger.Error("The app (process {ProcessId}, {Program}) exited with code {ExitCode}", Id, Program, code);
        }
    }

    private static string FirstWord(string command)
    {
        string trimmed = command.Trim();
        int space = trimmed.IndexOfAny(new[] { ' ', '\t' });
        return space < 0 ? trimmed : trimmed[..space];
    }
}
