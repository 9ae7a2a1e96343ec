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
    public bool RunsOn(Platform platform) => !PollOnly || !Platforms.IsServer(platform);

    /// <summary><c>artifacts/bench/&lt;name&gt;</c> under the repository root (the host's, for a layered subject).</summary>
    public string PublishDirectory(string repoRoot) => Host?.PublishDirectory(repoRoot) ?? Path.Combine(repoRoot, "artifacts", "bench", Name);

    public string ExecutablePath(string repoRoot) => Path.Combine(PublishDirectory(repoRoot), ExecutableName);

    /// <summary><c>artifacts/bench/&lt;name&gt;/layers</c>: the layers folder of a layered subject.</summary>
    public string LayersDirectory(string repoRoot) => Path.Combine(repoRoot, "artifacts", "bench", Name, "layers");

    /// <summary>The child's environment: the platform's, plus <c>FAAS_LAYERS_DIR</c> for a layered subject.</summary>
    public IReadOnlyDictionary<string, string> Environment(IReadOnlyDictionary<string, string> platform, string repoRoot)
    {
        if (!IsLayered)
        {
            return platform;
        }

        return new Dictionary<string, string>(platform, StringComparer.Ordinal) { ["FAAS_LAYERS_DIR"] = LayersDirectory(repoRoot) };
    }
}
