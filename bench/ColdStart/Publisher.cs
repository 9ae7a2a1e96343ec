using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.ColdStart;

/// <summary>
/// Publishes each subject with <c>dotnet publish -c Release -o artifacts/bench/&lt;name&gt;</c> from the repository root,
/// each layer package with <c>-p:NativeLayer=true</c> into <c>artifacts/bench/layers/&lt;package&gt;</c>, and lays out
/// each layered subject's layers folder.
/// </summary>
internal static class Publisher
{
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(15);

    public static async Task PublishAsync(Subject subject, string repoRoot, TextWriter progress, CancellationToken cancellationToken)
    {
        string output = Path.Combine("artifacts", "bench", subject.Name);
        await RunPublishAsync(subject.Name, new[] { "publish", subject.Project, "-c", "Release", "-o", output }, repoRoot, progress, cancellationToken)
            .ConfigureAwait(false);
        RequireExecutable(subject, repoRoot);
    }

    public static async Task PublishAsync(LayerPackage package, string repoRoot, TextWriter progress, CancellationToken cancellationToken)
    {
        string output = Path.Combine("artifacts", "bench", "layers", package.Name);
        await RunPublishAsync("layer " + package.Name, new[] { "publish", package.Project, "-c", "Release", "-p:NativeLayer=true", "-o", output },
            repoRoot, progress, cancellationToken).ConfigureAwait(false);
        RequireLibrary(package, repoRoot);
    }

    /// <summary>
    /// Sets up a peer in <c>artifacts/bench/&lt;directory&gt;</c>: publishes echo framework-dependent, or copies
    /// <c>bench/Peers/&lt;directory&gt;</c> (then <c>npm ci</c>, pinned by its package-lock.json, npm's cache in
    /// <c>artifacts/npm-cache</c>).
    /// </summary>
    public static async Task SetUpPeerAsync(Subject subject, string repoRoot, TextWriter progress, CancellationToken cancellationToken)
    {
        string output = subject.PublishDirectory(repoRoot);
        if (subject.Setup == PeerSetup.PublishJit)
        {
            await RunPublishAsync(subject.Name, new[] { "publish", subject.Project, "-c", "Release", "-p:PublishAot=false", "-p:SelfContained=false", "-o", output },
                repoRoot, progress, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(output, "tmp"));
        string source = Path.Combine(repoRoot, subject.Project);
        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(output, Path.GetFileName(file)));
        }

        progress.WriteLine("set up " + subject.Name + ": " + subject.Project + " -> " + Path.GetRelativePath(repoRoot, output));
        if (subject.Setup == PeerSetup.NpmCi)
        {
            string[] arguments = { "ci", "--omit=dev", "--no-audit", "--no-fund", "--cache", Path.Combine(repoRoot, "artifacts", "npm-cache") };
            progress.WriteLine("npm " + string.Join(' ', arguments));
            (int exitCode, _) = await ToolRun.RunAsync("npm", arguments, output, line => progress.WriteLine("  | " + line), s_publishTimeout, cancellationToken)
                .ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new HarnessException("npm ci for " + subject.Name + " failed (exit code " + exitCode + "); its output is above");
            }
        }
    }

    public static void RequireExecutable(Subject subject, string repoRoot)
    {
        string path = subject.ExecutablePath(repoRoot);
        if (!File.Exists(path))
        {
            throw new HarnessException("no " + subject.Name + " executable at " + path + " (run without --no-publish to publish it)");
        }
    }

    public static void RequireLibrary(LayerPackage package, string repoRoot)
    {
        foreach (string path in new[] { package.LibraryPath(repoRoot), package.ManifestPath(repoRoot) })
        {
            if (!File.Exists(path))
            {
                throw new HarnessException("no " + Path.GetFileName(path) + " of layer " + package.Name + " at " + path + " (run without --no-publish to publish it)");
            }
        }
    }

    /// <summary>
    /// Recreates <c>artifacts/bench/&lt;subject&gt;/layers</c>: one folder per layer, holding a copy of its library and its
    /// <c>layer.json</c>.
    /// </summary>
    public static void DeployLayers(Subject subject, string repoRoot)
    {
        string layers = subject.LayersDirectory(repoRoot);
        if (Directory.Exists(layers))
        {
            Directory.Delete(layers, recursive: true);
        }

        foreach (LayerCopy layer in subject.Layers)
        {
            string folder = Path.Combine(layers, layer.Folder);
            Directory.CreateDirectory(folder);
            File.Copy(layer.Package.LibraryPath(repoRoot), Path.Combine(folder, layer.Package.Library));
            string manifest = Path.Combine(folder, "layer.json");
            if (layer.ManifestJson is { } json)
            {
                File.WriteAllText(manifest, json);
            }
            else
            {
                File.Copy(layer.Package.ManifestPath(repoRoot), manifest);
            }
        }
    }

    private static async Task RunPublishAsync(string what, string[] publish, string repoRoot, TextWriter progress, CancellationToken cancellationToken)
    {
        // No build servers: nothing of the build stays running (and busy) while the subjects are timed.
        string[] arguments = new string[publish.Length + 2];
        publish.CopyTo(arguments, 0);
        arguments[^2] = "-nologo";
        arguments[^1] = "--disable-build-servers";
        progress.WriteLine("publish " + what + ": dotnet " + string.Join(' ', arguments));
        (int exitCode, _) = await ToolRun.RunAsync("dotnet", arguments, repoRoot, line => progress.WriteLine("  | " + line),
            s_publishTimeout, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new HarnessException("publishing " + what + " failed (dotnet publish exited with " + exitCode + "); its output is above");
        }
    }
}
