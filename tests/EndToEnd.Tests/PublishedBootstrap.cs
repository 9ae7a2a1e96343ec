using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>
/// Publishes tests/TestFunction as a native-AOT <c>bootstrap</c> once per test run. The publish must be free of
/// trim and AOT warnings (the project treats them as errors; this also checks the log).
/// </summary>
public sealed class PublishedBootstrap : IAsyncLifetime
{
    public string Path { get; private set; } = string.Empty;

    public string PublishLog { get; private set; } = string.Empty;

    /// <summary>The probe layer (tests/ProbeLayer) published as a native library, with its layer.json.</summary>
    public string ProbeLayerFolder { get; private set; } = string.Empty;

    /// <summary>The metrics layer (layers/Metrics) published as a native library, with its layer.json.</summary>
    public string MetricsLayerFolder { get; private set; } = string.Empty;

    /// <summary>The generic bootstrap (light-runtime/Bootstrap): no functions of its own.</summary>
    public string GenericBootstrap { get; private set; } = string.Empty;

    /// <summary>The web-app adapter layer published as a native library, with its layer.json.</summary>
    public string WebAdapterLayerFolder { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        string output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faas-e2e-" + Environment.ProcessId);
        ProbeLayerFolder = System.IO.Path.Combine(output, "probe-layer");
        await PublishAsync(new[] { "publish", "tests/ProbeLayer/ProbeLayer.csproj", "-c", "Release", "-p:NativeLayer=true", "-o", ProbeLayerFolder, "-nologo" });
        MetricsLayerFolder = System.IO.Path.Combine(output, "metrics-layer");
        await PublishAsync(new[] { "publish", "layers/Metrics/Runtime.Layers.Metrics.csproj", "-c", "Release", "-p:NativeLayer=true", "-o", MetricsLayerFolder, "-nologo" });
        WebAdapterLayerFolder = System.IO.Path.Combine(output, "web-adapter-layer");
        await PublishAsync(new[] { "publish", "layers/WebAdapter/Runtime.Layers.WebAdapter.csproj", "-c", "Release", "-p:NativeLayer=true", "-o", WebAdapterLayerFolder, "-nologo" });
        string generic = System.IO.Path.Combine(output, "generic");
        await PublishAsync(new[] { "publish", "light-runtime/Bootstrap/Runtime.Bootstrap.csproj", "-c", "Release", "-o", generic, "-nologo" });
        GenericBootstrap = System.IO.Path.Combine(generic, "bootstrap");
        await PublishAsync(new[] { "publish", "tests/TestFunction/TestFunction.csproj", "-c", "Release", "-o", output, "-nologo" });
        Path = System.IO.Path.Combine(output, "bootstrap");
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException("No bootstrap at " + Path + "\n" + PublishLog);
        }
    }

    private async Task PublishAsync(string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (string arg in arguments)
        {
            psi.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(psi)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        string log = await stdout + await stderr;
        PublishLog += log;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{log}");
        }
        string[] warnings = log.Split('\n').Where(l => l.Contains("warning IL", StringComparison.Ordinal)).ToArray();
        if (warnings.Length > 0)
        {
            throw new InvalidOperationException("The native-AOT publish reported trim/AOT warnings:\n" + string.Join('\n', warnings));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class BootstrapCollection : ICollectionFixture<PublishedBootstrap>
{
    public const string Name = "published bootstrap";
}
