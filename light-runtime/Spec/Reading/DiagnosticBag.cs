using System.Collections.Generic;
using System.Linq;
using Runtime.Spec.Model;

namespace Runtime.Spec.Reading;

/// <summary>Collects every diagnostic of one read (a node reached twice through a YAML alias reports once).</summary>
internal sealed class DiagnosticBag
{
    private readonly List<SpecDiagnostic> _items = [];
    private readonly HashSet<SpecDiagnostic> _seen = [];

    public bool HasErrors { get; private set; }

    public void Error(SpecLocation location, string message) => Add(new SpecDiagnostic(SpecSeverity.Error, location, message));

    public void Warning(SpecLocation location, string message) => Add(new SpecDiagnostic(SpecSeverity.Warning, location, message));

    private void Add(SpecDiagnostic diagnostic)
    {
        if (_seen.Add(diagnostic))
        {
            _items.Add(diagnostic);
            HasErrors |= diagnostic.Severity == SpecSeverity.Error;
        }
    }

    /// <summary>Everything, by line then column; found order breaks ties (OrderBy is stable).</summary>
    public IReadOnlyList<SpecDiagnostic> Sorted() =>
        _items.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToArray();

    /// <summary>Whether an error was reported at one of <paramref name="locations"/> (to avoid a second message about the same mistake).</summary>
    public bool HasErrorAt(IEnumerable<SpecLocation> locations)
    {
        var set = new HashSet<SpecLocation>(locations);
        return _items.Any(d => d.Severity == SpecSeverity.Error && set.Contains(d.Location));
    }

    public IReadOnlyList<SpecDiagnostic> Warnings() => Sorted().Where(d => d.Severity == SpecSeverity.Warning).ToArray();
}
