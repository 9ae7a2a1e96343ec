using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.ColdStart;

/// <summary>Publishes each subject with <c>dotnet publish -c Release -o artifacts/bench/&lt;name&gt;</c> from the repository root.</summary>
internal static class Publisher
{
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(15);

    public static async Task PublishAsync(Subject subject, string repoRoot, TextWriter progress, CancellationToken cancellationToken)
    {
        string output = Path.Combine("artifacts", "bench", subject.Name);

        // No build servers: nothing of the build stays running (and busy) while the subjects are timed.
        string[] arguments = { "publish", subject.Project, "-c", "Release", "-o", output, "-nologo", "--disable-build-servers" };
        progress.WriteLine("publish " + subject.Name + ": dotnet " + string.Join(' ', arguments));
        (int exitCode, _) = await ToolRun.RunAsync("dotnet", arguments, repoRoot, line => progress.WriteLine("  | " + line),
            s_publishTimeout, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new HarnessException("publishing " + subject.Name + " failed (dotnet publish exited with " + exitCode + "); its output is above");
        }

        RequireExecutable(subject, repoRoot);
    }

    public static void RequireExecutable(Subject subject, string repoRoot)
    {
        string path = subject.ExecutablePath(repoRoot);
        if (!File.Exists(path))
        {
            throw new HarnessException("no " + subject.Name + " executable at " + path + " (run without --no-publish to publish it)");
        }
    }
}
