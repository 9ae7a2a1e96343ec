using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Soak;

/// <summary>
/// The soak's main sequence: publish <c>samples/Echo</c> (unless told not to), soak each platform in turn, write
/// <c>soak.md</c> and <c>soak.json</c>, print each verdict; exit 0 when every platform passed, 1 on drift, 2 when the
/// soak could not run.
/// </summary>
internal static class SoakApp
{
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(15);

    public static async Task<int> RunAsync(string[] args, TextWriter progress, CancellationToken cancellationToken)
    {
        try
        {
            SoakOptions options = SoakOptions.Parse(args);
            string root = RepoRoot();
            string bootstrap = options.Bootstrap is { } given
                ? Path.GetFullPath(given)
                : Path.Combine(root, "artifacts", "bench", "echo", "bootstrap");
            if (options.Publish)
            {
                await PublishAsync(root, progress, cancellationToken).ConfigureAwait(false);
            }

            if (!File.Exists(bootstrap))
            {
                throw new SoakException("no bootstrap at " + bootstrap + (options.Bootstrap is null ? " (run without --no-publish to publish it)" : string.Empty));
            }

            var settings = new SoakSettings(options.Invocations, options.Every, Environment: options.Environment.Count > 0 ? options.Environment : null);
            var runs = new List<SoakRun>();
            foreach (SoakPlatform platform in options.Platforms)
            {
                progress.WriteLine("soak " + SoakPlatforms.Name(platform) + " (" + SoakPlatforms.Model(platform) + "): "
                    + options.Invocations.ToString("N0", CultureInfo.InvariantCulture) + " invocations");
                SoakRun run = await SoakRunner.RunAsync(platform, bootstrap, settings, progress, cancellationToken).ConfigureAwait(false);
                runs.Add(run);
                progress.WriteLine("  " + run.Platform + ": " + (run.Verdict.Passed ? "pass" : "FAIL") + string.Create(CultureInfo.InvariantCulture,
                    $" (RSS drift {run.Verdict.RssDriftKb:N0} KiB after warm-up at {run.Verdict.WarmupEndsAt:N0}; fds {run.Verdict.FdsMin}-{run.Verdict.FdsMax}; threads {run.Verdict.ThreadsMin}-{run.Verdict.ThreadsMax}; {run.WallSeconds:N1} s)"));
                foreach (string failure in run.Verdict.Failures)
                {
                    progress.WriteLine("  " + run.Platform + ": " + failure);
                }
            }

            var report = new SoakReport(
                DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                await CommitAsync(root, cancellationToken).ConfigureAwait(false),
                Machine(),
                "dotnet run -c Release --project bench/Soak" + (args.Length == 0 ? string.Empty : " -- " + string.Join(' ', args)),
                settings,
                runs);
            string outDir = Path.GetFullPath(options.Out ?? Path.Combine(root, "bench", "results"));
            Directory.CreateDirectory(outDir);
            await File.WriteAllTextAsync(Path.Combine(outDir, "soak.md"), MarkdownReport.Write(report), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(outDir, "soak.json"), JsonSerializer.Serialize(report, SoakJsonContext.Default.SoakReport), cancellationToken)
                .ConfigureAwait(false);
            progress.WriteLine("soak: " + (report.Passed ? "passed" : "FAILED: drift found (see above)") + "; wrote " + Path.Combine(outDir, "soak.md") + " and soak.json");
            return report.Passed ? 0 : 1;
        }
        catch (SoakException ex)
        {
            progress.WriteLine("soak: cannot run: " + ex.Message);
            return 2;
        }
    }

    private static async Task PublishAsync(string root, TextWriter progress, CancellationToken cancellationToken)
    {
        string[] arguments = { "publish", "samples/Echo/Echo.csproj", "-c", "Release", "-o", Path.Combine("artifacts", "bench", "echo"), "-nologo", "--disable-build-servers" };
        progress.WriteLine("publish: dotnet " + string.Join(' ', arguments));
        (int exit, string output) = await RunToolAsync("dotnet", arguments, root, cancellationToken, s_publishTimeout).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new SoakException("dotnet publish exited with " + exit + ":\n" + output);
        }
    }

    private static async Task<string> CommitAsync(string root, CancellationToken cancellationToken)
    {
        (int exit, string output) = await RunToolAsync("git", new[] { "rev-parse", "--short", "HEAD" }, root, cancellationToken, TimeSpan.FromSeconds(30))
            .ConfigureAwait(false);
        (_, string dirty) = await RunToolAsync("git", new[] { "status", "--porcelain", "--untracked-files=no" }, root, cancellationToken, TimeSpan.FromSeconds(30))
            .ConfigureAwait(false);
        return exit != 0 ? "unknown" : output.Trim() + (dirty.Trim().Length > 0 ? " + local changes" : string.Empty);
    }

    private static async Task<(int ExitCode, string Output)> RunToolAsync(string tool, string[] arguments, string workingDirectory,
        CancellationToken cancellationToken, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new SoakException("could not start " + tool);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new SoakException(tool + " " + string.Join(' ', arguments) + " took longer than " + timeout);
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    private static string RepoRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Runtime.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new SoakException("Runtime.sln not found above " + Environment.CurrentDirectory + " or " + AppContext.BaseDirectory);
    }

    private static string Machine()
    {
        string cpu = "unknown CPU";
        foreach (string line in File.ReadLines("/proc/cpuinfo"))
        {
            if (line.StartsWith("model name", StringComparison.Ordinal))
            {
                cpu = line[(line.IndexOf(':') + 1)..].Trim();
                break;
            }
        }

        return Environment.ProcessorCount + " CPUs (" + cpu + "), " + Environment.OSVersion.VersionString + ", .NET " + Environment.Version;
    }
}
