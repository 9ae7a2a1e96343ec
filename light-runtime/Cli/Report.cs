using System.Collections.Generic;
using System.IO;
using Runtime.Spec;

namespace Runtime.Cli;

/// <summary>
/// What a command has to say, compiler-style (<c>path:line:col: error: text</c>), collected so that the command can
/// decide, before writing anything, whether there was an error. Written to stderr at the end of the command.
/// </summary>
internal sealed class Report
{
    private readonly List<string> _lines = [];

    /// <summary>Whether any error was added.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>The formatted lines, in the order they were added.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Adds a diagnostic about <paramref name="path"/>.</summary>
    public void Add(string path, SpecDiagnostic diagnostic)
    {
        HasErrors |= diagnostic.Severity == SpecSeverity.Error;
        _lines.Add(diagnostic.Format(path));
    }

    /// <summary>Adds every diagnostic in <paramref name="diagnostics"/> about <paramref name="path"/>.</summary>
    public void AddRange(string path, IEnumerable<SpecDiagnostic> diagnostics)
    {
        foreach (SpecDiagnostic diagnostic in diagnostics)
        {
            Add(path, diagnostic);
        }
    }

    /// <summary>Adds an error about <paramref name="path"/> as a whole.</summary>
    public void Error(string path, string message) => Add(path, SpecDiagnostic.Error(default, message));

    /// <summary>Adds a warning about <paramref name="path"/> as a whole.</summary>
    public void Warning(string path, string message) => Add(path, SpecDiagnostic.Warning(default, message));

    /// <summary>Writes every line to <paramref name="error"/>.</summary>
    public void WriteTo(TextWriter error)
    {
        foreach (string line in _lines)
        {
            error.WriteLine(line);
        }
    }
}
