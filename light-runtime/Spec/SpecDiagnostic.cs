using System.Globalization;
using Runtime.Spec.Model;

namespace Runtime.Spec;

/// <summary>A message about f.yml, pointing at the line and column it is about.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">Where in f.yml; <see cref="SpecLocation.None"/> when it is about the file as a whole.</param>
/// <param name="Message">One sentence saying what is wrong and, where it helps, what to do.</param>
public sealed record SpecDiagnostic(SpecSeverity Severity, SpecLocation Location, string Message)
{
    /// <summary>An error at <paramref name="location"/>.</summary>
    public static SpecDiagnostic Error(SpecLocation location, string message) => new(SpecSeverity.Error, location, message);

    /// <summary>A warning at <paramref name="location"/>.</summary>
    public static SpecDiagnostic Warning(SpecLocation location, string message) => new(SpecSeverity.Warning, location, message);

    /// <summary>The compiler-style line editors understand: <c>path:line:col: error: message</c> (<c>path: error: message</c> without a position).</summary>
    public string Format(string sourcePath)
    {
        string severity = Severity == SpecSeverity.Error ? "error" : "warning";
        return Location.IsKnown
            ? string.Create(CultureInfo.InvariantCulture, $"{sourcePath}:{Location.Line}:{Location.Column}: {severity}: {Message}")
            : $"{sourcePath}: {severity}: {Message}";
    }
}
