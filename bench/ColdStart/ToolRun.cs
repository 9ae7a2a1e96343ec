using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.ColdStart;

/// <summary>Runs a tool (dotnet, git) to completion, capturing its output and optionally echoing each line.</summary>
internal static class ToolRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, string workingDirectory, Action<string>? onLine, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            onLine?.Invoke(e.Data);
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new HarnessException("could not run " + file + ": " + ex.Message);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Ours to clean up: this tool and whatever it started (the MSBuild worker nodes of a publish).
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (ex is TimeoutException)
            {
                throw new HarnessException(file + " did not finish within " + timeout.TotalMinutes + " min: " + string.Join(' ', start.ArgumentList));
            }

            throw;
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
