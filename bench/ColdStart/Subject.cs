using System;
using System.Collections.Generic;
using System.IO;

namespace Runtime.ColdStart;

/// <summary>A published executable the harness measures, possibly with layers stacked onto it.</summary>
internal sealed class Subject
{
    public Subject(string name, string project, string executableName, string description, bool pollOnly = false)
    {
        Name = name;
        Project = project;
        ExecutableName = executableName;
        Description = description;
        PollOnly = pollOnly;
        Layers = Array.Empty<LayerCopy>();
    }

    /// <summary>
    /// <paramref name="host"/>'s executable, started with <c>FAAS_LAYERS_DIR</c> pointing at
    /// <c>artifacts/bench/&lt;name&gt;/layers</c>, which holds <paramref name="layers"/>.
    /// </summary>
    public Subject(string name, Subject host, IReadOnlyList<LayerCopy> layers, string description)
    {
        Name = name;
        Project = host.Project;
        ExecutableName = host.ExecutableName;
        Description = description;
        PollOnly = host.PollOnly;
        Host = host;
        Layers = layers;
    }

    /// <summary>
    /// A peer: another way to run the same echo function, measured with <c>--peers</c> only. It runs
    /// <paramref name="executableName"/> in <c>artifacts/bench/&lt;directory&gt;</c>, through <paramref name="launcher"/>
    /// (found on PATH: <c>dotnet</c>, <c>node</c>) when set, on <paramref name="onlyOn"/> when set.
    /// </summary>
    public Subject(string name, PeerSetup setup, string directory, string executableName, string? launcher, Platform? onlyOn,
        IReadOnlyDictionary<string, string>? extraEnvironment, string description)
        : this(name, setup == PeerSetup.PublishJit ? "samples/Echo/Echo.csproj" : "bench/Peers/" + directory, executableName, description)
    {
        Setup = setup;
        Directory = directory;
        Launcher = launcher;
        OnlyOn = onlyOn;
        ExtraEnvironment = extraEnvironment;
    }

    /// <summary>How a peer is set up; <see cref="PeerSetup.None"/> for the subjects of the default run.</summary>
    public PeerSetup Setup { get; }

    public bool IsPeer => Setup != PeerSetup.None;

    /// <summary>The program that runs the executable (the executable's path is its one argument), or null to exec it.</summary>
    public string? Launcher { get; }

    /// <summary>The one platform a peer runs on, or null for every platform.</summary>
    public Platform? OnlyOn { get; }

    /// <summary>Variables added to the platform's; <c>{dir}</c> in a value stands for the publish directory.</summary>
    public IReadOnlyDictionary<string, string>? ExtraEnvironment { get; }

    private string? Directory { get; }

    /// <summary>Short name used in the table and as the folder under <c>artifacts/bench</c>.</summary>
    public string Name { get; }

    /// <summary>Project path relative to the repository root.</summary>
    public string Project { get; }

    public string ExecutableName { get; }

    public string Description { get; }

    /// <summary>Measured on poll platforms only (it is a poll loop, with no server counterpart).</summary>
    public bool PollOnly { get; }

    /// <summary>For a layered subject, the subject whose executable it runs (and which it is compared with).</summary>
    public Subject? Host { get; }

    /// <summary>The layers stacked onto <see cref="Host"/>'s executable; empty for a plain subject.</summary>
    public IReadOnlyList<LayerCopy> Layers { get; }

    public bool IsLayered => Host is not null;

    public bool IsFloor => Name == Subjects.FloorName;

    /// <summary>Whether this subject is measured on <paramref name="platform"/>.</summary>
    public bool RunsOn(Platform platform) => (!PollOnly || !Platforms.IsServer(platform)) && (OnlyOn is null || OnlyOn == platform);

    /// <summary><c>artifacts/bench/&lt;name&gt;</c> under the repository root (the host's, for a layered subject).</summary>
    public string PublishDirectory(string repoRoot) => Host?.PublishDirectory(repoRoot) ?? Path.Combine(repoRoot, "artifacts", "bench", Directory ?? Name);

    public string ExecutablePath(string repoRoot) => Path.Combine(PublishDirectory(repoRoot), ExecutableName);

    /// <summary><c>artifacts/bench/&lt;name&gt;/layers</c>: the layers folder of a layered subject.</summary>
    public string LayersDirectory(string repoRoot) => Path.Combine(repoRoot, "artifacts", "bench", Name, "layers");

    /// <summary>The child's environment: the platform's, plus <c>FAAS_LAYERS_DIR</c> for a layered subject.</summary>
    public IReadOnlyDictionary<string, string> Environment(IReadOnlyDictionary<string, string> platform, string repoRoot)
    {
        if (ExtraEnvironment is not null)
        {
            var environment = new Dictionary<string, string>(platform, StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> pair in ExtraEnvironment)
            {
                environment[pair.Key] = pair.Value.Replace("{dir}", PublishDirectory(repoRoot), StringComparison.Ordinal);
            }

            return environment;
        }

        if (!IsLayered)
        {
            return platform;
        }

        return new Dictionary<string, string>(platform, StringComparer.Ordinal) { ["FAAS_LAYERS_DIR"] = LayersDirectory(repoRoot) };
    }

    /// <summary>Starts the subject (through its launcher, if any) with <paramref name="environment"/>.</summary>
    public ChildProcess Start(string repoRoot, IReadOnlyDictionary<string, string> environment, out long startTimestamp, int? cpu = null) =>
        ChildProcess.Start(ExecutablePath(repoRoot), Environment(environment, repoRoot), out startTimestamp, cpu, Launcher);

    /// <summary>
    /// What is deployed, in bytes: the executable for the default subjects; for a peer, its whole folder (the
    /// framework-dependent build, the scripts, or the scripts with node_modules).
    /// </summary>
    public long DeployedBytes(string repoRoot)
    {
        if (!IsPeer)
        {
            return new FileInfo(ExecutablePath(repoRoot)).Length;
        }

        long total = 0;
        foreach (FileInfo file in new DirectoryInfo(PublishDirectory(repoRoot)).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (!file.FullName.Contains(Path.DirectorySeparatorChar + "tmp" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                total += file.Length;
            }
        }

        return total;
    }
}
