using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Runtime.Spec.Model;

namespace Runtime.Cli.Packaging;

/// <summary>
/// Writes a <see cref="PackageJob"/>: the generated deployment files, then each deployment's artifact and the layers in
/// the cloud's <see cref="ArtifactLayout"/>. Each distinct file is compressed once however many zips hold it.
/// </summary>
internal static class Packager
{
    /// <summary>The name of the executable every custom runtime starts.</summary>
    public const string BootstrapFileName = "bootstrap";

    /// <summary>The run-time manifest of an aggregation group, next to bootstrap.</summary>
    public const string ManifestFileName = global::Runtime.Spec.ManifestWriter.FileName;

    /// <summary>The folder layers sit under: inside a layer zip (so it unpacks to /opt/layers) and inside a bundled artifact.</summary>
    public const string LayersFolder = "layers";

    /// <summary>Azure Functions Core Tools' file of app settings, which a zip deploy does not read.</summary>
    public const string LocalSettingsFileName = "local.settings.json";

    /// <summary>Writes <paramref name="job"/>; returns the paths written (relative to its output folder, <c>/</c>-separated), in order.</summary>
    public static IReadOnlyList<string> Write(PackageJob job)
    {
        Directory.CreateDirectory(job.OutDirectory);
        var written = new List<string>();
        foreach (KeyValuePair<string, string> file in job.GeneratedFiles)
        {
            WriteText(job.OutDirectory, file.Key, file.Value);
            written.Add(file.Key);
        }

        ArtifactLayout layout = ArtifactLayouts.Of(job.Platform);
        var blobs = new BlobCache(job, layout);
        foreach (PackagedDeployment packaged in job.Deployments)
        {
            string name = packaged.Deployment.Name;
            if (layout == ArtifactLayout.ContainerFolder)
            {
                WriteContainerFolder(job, packaged);
                written.Add(name + "/");
                continue;
            }
            var items = new List<ZipItem>
            {
                new(BootstrapFileName, ZipItem.Executable, blobs.Bootstrap),
            };
            if (packaged.Manifest is not null)
            {
                items.Add(new ZipItem(ManifestFileName, ZipItem.Regular, ZipBlob.Create(packaged.Manifest)));
            }
            if (layout == ArtifactLayout.ZipWithBundledLayers)
            {
                if (packaged.AppFolder is not null)
                {
                    AddFunctionApp(items, job, packaged.AppFolder);
                }
                foreach (LayerSpec layer in packaged.Deployment.Layers)
                {
                    AddLayer(items, job.Layers[layer.Name], blobs);
                }
            }
            WriteZip(job.OutDirectory, name + ".zip", items);
            written.Add(name + ".zip");
            if (layout == ArtifactLayout.ZipWithOptLayers)
            {
                // The deployment files name folders (SAM CodeUri, fc3/fgs code, scf src), which their tools zip at
                // deploy time; the zip beside it is the same content for a console upload.
                WriteDeploymentFolder(job, packaged, Path.Combine(job.OutDirectory, name));
                written.Add(name + "/");
            }
        }

        if (layout == ArtifactLayout.ZipWithOptLayers)
        {
            foreach (LayerFolder layer in UsedLayers(job))
            {
                var items = new List<ZipItem>();
                AddLayer(items, layer, blobs);
                string path = LayersFolder + "/" + layer.Spec.Name + ".zip";
                WriteZip(job.OutDirectory, path, items);
                written.Add(path);
                // The folder the deployment files name (SAM ContentUri): the zip's content, layers/<name>/ at its root.
                string folder = LayersFolder + "/" + layer.Spec.Name + "/";
                CopyLayer(layer, Path.Combine(job.OutDirectory, LayersFolder, layer.Spec.Name, LayersFolder, layer.Spec.Name));
                written.Add(folder);
            }
        }
        return written;
    }

    // The layers of the written deployments, each once, in the order they are first used.
    private static IEnumerable<LayerFolder> UsedLayers(PackageJob job)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PackagedDeployment packaged in job.Deployments)
        {
            foreach (LayerSpec layer in packaged.Deployment.Layers)
            {
                if (seen.Add(layer.Name))
                {
                    yield return job.Layers[layer.Name];
                }
            }
        }
    }

    // Azure zip deploy takes the function app folder as is: host.json and one folder per Azure function at the zip's root
    // (https://learn.microsoft.com/azure/azure-functions/deployment-zip-push). local.settings.json stays out: it holds the
    // app settings, published as settings, not as a file.
    private static void AddFunctionApp(List<ZipItem> items, PackageJob job, string appFolder)
    {
        string root = appFolder + "/";
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> file in job.GeneratedFiles)
        {
            if (!file.Key.StartsWith(root, StringComparison.Ordinal) || file.Key == root + LocalSettingsFileName)
            {
                continue;
            }
            string name = file.Key[root.Length..];
            int slash = name.LastIndexOf('/');
            if (slash > 0 && folders.Add(name[..slash]))
            {
                items.Add(ZipItem.Folder(name[..slash]));
            }
            items.Add(new ZipItem(name, ZipItem.Regular, ZipBlob.Create(OutputFiles.Utf8.GetBytes(file.Value))));
        }
    }

    // layers/<name>/ and everything under it, folders first where they start (unzip tools create them either way).
    private static void AddLayer(List<ZipItem> items, LayerFolder layer, BlobCache blobs)
    {
        string root = LayersFolder + "/" + layer.Spec.Name + "/";
        if (!items.Exists(i => i.Name == LayersFolder + "/"))
        {
            items.Add(ZipItem.Folder(LayersFolder + "/"));
        }
        items.Add(ZipItem.Folder(root));
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in layer.Files)
        {
            int slash = file.LastIndexOf('/');
            if (slash > 0)
            {
                string folder = file[..slash];
                for (int at = folder.IndexOf('/'); ; at = folder.IndexOf('/', at + 1))
                {
                    string prefix = at < 0 ? folder : folder[..at];
                    if (folders.Add(prefix))
                    {
                        items.Add(ZipItem.Folder(root + prefix + "/"));
                    }
                    if (at < 0)
                    {
                        break;
                    }
                }
            }
            string source = layer.PathOf(file);
            items.Add(new ZipItem(root + file, ModeOf(source), blobs.File(source)));
        }
    }

    private static void WriteContainerFolder(PackageJob job, PackagedDeployment packaged)
    {
        string folder = Path.Combine(job.OutDirectory, packaged.Deployment.Name);
        WriteDeploymentFolder(job, packaged, folder);
        foreach (LayerSpec layer in packaged.Deployment.Layers)
        {
            CopyLayer(job.Layers[layer.Name], Path.Combine(folder, LayersFolder, layer.Name));
        }
        WriteText(folder, "Dockerfile", KnativeDockerfile.For(job.Service, packaged.Deployment, packaged.Manifest is not null));
    }

    // bootstrap (rwxr-xr-x) and, for a group, the run-time manifest.
    private static void WriteDeploymentFolder(PackageJob job, PackagedDeployment packaged, string folder)
    {
        Directory.CreateDirectory(folder);
        string bootstrap = Path.Combine(folder, BootstrapFileName);
        File.WriteAllBytes(bootstrap, job.Bootstrap.Content);
        SetMode(bootstrap, ZipItem.Executable);
        if (packaged.Manifest is not null)
        {
            File.WriteAllBytes(Path.Combine(folder, ManifestFileName), packaged.Manifest);
        }
    }

    private static void CopyLayer(LayerFolder source, string target)
    {
        foreach (string file in source.Files)
        {
            string from = source.PathOf(file);
            string to = Path.Combine(target, file.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            SetMode(to, ModeOf(from));
        }
    }

    private static void WriteZip(string outDirectory, string relativePath, IReadOnlyList<ZipItem> items)
    {
        string path = Path.Combine(outDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        ZipWriter.Write(stream, items);
    }

    private static void WriteText(string outDirectory, string relativePath, string content) =>
        OutputFiles.WriteText(outDirectory, relativePath, content);

    // Executable stays executable (a layer's helper binary), everything else is rw-r--r--, whatever the umask was.
    // Windows keeps no modes: there every layer file is rw-r--r-- (the bootstrap's own mode is set regardless).
    private static UnixFileMode ModeOf(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0
            ? ZipItem.Executable
            : ZipItem.Regular;

    // On Windows a folder has no modes to set; 'docker build' from there gives every file rwxr-xr-x anyway.
    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    /// <summary>
    /// Every file the zips hold, compressed once each before any zip is written, in parallel (largest first): deflate is
    /// most of the package step's time, and the files are independent.
    /// </summary>
    private sealed class BlobCache
    {
        private readonly Dictionary<string, ZipBlob> _files = new(StringComparer.Ordinal);
        private readonly ZipBlob? _bootstrap;

        public BlobCache(PackageJob job, ArtifactLayout layout)
        {
            if (layout == ArtifactLayout.ContainerFolder)
            {
                return; // Files are copied as they are.
            }
            var sources = new List<(string? Path, long Length)> { (null, job.Bootstrap.Content.Length) };
            foreach (LayerFolder layer in UsedLayers(job))
            {
                foreach (string file in layer.Files)
                {
                    string path = layer.PathOf(file);
                    sources.Add((path, new FileInfo(path).Length));
                }
            }
            sources.Sort(static (a, b) => b.Length.CompareTo(a.Length));
            var blobs = new ZipBlob[sources.Count];
            Parallel.For(0, sources.Count, i =>
                blobs[i] = ZipBlob.Create(sources[i].Path is { } path ? System.IO.File.ReadAllBytes(path) : job.Bootstrap.Content));
            for (int i = 0; i < sources.Count; i++)
            {
                if (sources[i].Path is { } path)
                {
                    _files[path] = blobs[i];
                }
                else
                {
                    _bootstrap = blobs[i];
                }
            }
        }

        public ZipBlob Bootstrap => _bootstrap ?? throw new InvalidOperationException("the bootstrap was not compressed for this layout");

        public ZipBlob File(string path) => _files[path];
    }
}
