using System;
using System.Collections.Generic;
using System.Linq;

namespace Runtime.Spec;

/// <summary>
/// f.yml has at least one error. <see cref="Diagnostics"/> holds every error and warning found (not just the first),
/// in file order; <see cref="Exception.Message"/> is their formatted lines, one per diagnostic.
/// </summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception for the diagnostics of <paramref name="sourcePath"/>.</summary>
    public SpecException(string sourcePath, IReadOnlyList<SpecDiagnostic> diagnostics)
        : base(string.Join('\n', diagnostics.Select(d => d.Format(sourcePath))))
    {
        SourcePath = sourcePath;
        Diagnostics = diagnostics;
    }

    /// <summary>The file the diagnostics are about, as given to the reader.</summary>
    public string SourcePath { get; }

    /// <summary>Every diagnostic, errors and warnings, ordered by line and column.</summary>
    public IReadOnlyList<SpecDiagnostic> Diagnostics { get; }

    /// <summary>The errors among <see cref="Diagnostics"/>.</summary>
    public IEnumerable<SpecDiagnostic> Errors => Diagnostics.Where(d => d.Severity == SpecSeverity.Error);
}
