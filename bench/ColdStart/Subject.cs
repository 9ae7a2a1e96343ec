using System.IO;

namespace Runtime.ColdStart;

/// <summary>A published executable the harness measures.</summary>
internal sealed class Subject
{
    public Subject(string name, string project, string executableName, string description)
    {
        Name = name;
        Project = project;
        ExecutableName = executableName;
        Description = description;
    }

    /// <summary>Short name used in the table and as the folder under <c>artifacts/bench</c>.</summary>
    public string Name { get; }

    /// <summary>Project path relative to the repository root.</summary>
    public string Project { get; }

    public string ExecutableName { get; }

    public string Description { get; }

    public bool IsFloor => Name == Subjects.FloorName;

    /// <summary><c>artifacts/bench/&lt;name&gt;</c> under the repository root.</summary>
    public string PublishDirectory(string repoRoot) => Path.Combine(repoRoot, "artifacts", "bench", Name);

    public string ExecutablePath(string repoRoot) => Path.Combine(PublishDirectory(repoRoot), ExecutableName);
}
