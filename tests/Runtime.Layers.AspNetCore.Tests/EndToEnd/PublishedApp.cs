using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Runtime.Layers.AspNetCore.Tests.EndToEnd;

/// <summary>Publishes a function project as a native-AOT <c>bootstrap</c>; the publish must report no trim or AOT warning.</summary>
internal static class PublishedApp
{
    public static async Task<string> PublishAsync(string project, string name)
    {
        string output = Path.Combine(Path.GetTempPath(), "faas-aspnetcore-" + name + "-" + Environment.ProcessId);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (string arg in new[] { "publish", project, "-c", "Release", "-o", output, "-nologo" })
        {
            psi.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(psi)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        string log = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing {project} failed:\n{log}");
        }
        string[] warnings = log.Split('\n').Where(l => l.Contains("warning IL", StringComparison.Ordinal)).ToArray();
        if (warnings.Length > 0)
        {
            throw new InvalidOperationException($"The native-AOT publish of {project} reported trim/AOT warnings:\n" + string.Join('\n', warnings));
        }
        string path = Path.Combine(output, "bootstrap");
        return File.Exists(path) ? path : throw new InvalidOperationException("No bootstrap at " + path + "\n" + log);
    }
}
