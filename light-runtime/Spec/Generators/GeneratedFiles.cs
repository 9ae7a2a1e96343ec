using System.Collections.Generic;
using System.Linq;

namespace Runtime.Spec.Generators;

/// <summary>What a generator produced: the files (in a stable order) and what it had to say about the spec.</summary>
internal sealed class GeneratedFiles
{
    public GeneratedFiles(IReadOnlyList<GeneratedFile> files, IReadOnlyList<SpecDiagnostic> diagnostics)
    {
        Files = files;
        Diagnostics = diagnostics;
    }

    /// <summary>The files, sorted by path. Written out only when <see cref="HasErrors"/> is false.</summary>
    public IReadOnlyList<GeneratedFile> Files { get; }

    /// <summary>Errors and warnings, in the order the generator found them.</summary>
    public IReadOnlyList<SpecDiagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error (then the files are not a faithful deployment of the spec).</summary>
    public bool HasErrors => Diagnostics.Any(static d => d.Severity == SpecSeverity.Error);

    /// <summary>The file at <paramref name="path"/>, or null.</summary>
    public GeneratedFile? File(string path) => Files.FirstOrDefault(f => f.Path == path);
}
