using System.IO;

namespace Runtime.ColdStart;

/// <summary>A published executable the harness measures.</summary>
internal sealed class Subject
{
    public Subject(string name, string project, string executableName, string description, bool pollOnly = false)
    {
        Name = name;
        Project = project;
        ExecutableName = executableName;
        Description = description;
        PollOnly = pollOnly;
    }

    /// <summary>Short name used in the table and as the folder under <c>artifacts/bench</c>.</summary>
    public string Name { get; }

    /// <summary>Project path relative to the repository root.</summary>
    public string Project { get; }

    public string ExecutableName { get; }

    public string Description { get; }

    /// <summary>Measured on poll platforms only (it is a poll loop, with no server counterpart).</summary>
    public bool PollOnly { get; }

    public bool IsFloor => Name == Subjects.FloorName;

    /// <summary>Whether this subject is measured on <paramref name="platform"/>.</summary>
    public bool RunsOn(Platform platform) => !PollOnly || !Platforms.IsServer(platform);

    /// <summary><c>artifacts/bench/&lt;name&gt;</c> under the repository root.</summary>
    public string PublishDirectory(string repoRoot) => Path.Combine(repoRoot, "artifacts", "bench", Name);

    public string ExecutablePath(string repoRoot) => Path.Combine(PublishDirectory(repoRoot), ExecutableName);
}
