using System.Collections.Generic;

namespace Runtime.Spec.Model;

/// <summary>
/// A node of f.yml with its own position and the positions of its fields' values, so that a check made after
/// parsing (a generator finding a value its cloud does not support) can still point at the line and column.
/// </summary>
public abstract class SpecNode
{
    private Dictionary<string, SpecLocation>? _fields;

    /// <summary>Where the node starts (its mapping, or its key for a named entry).</summary>
    public SpecLocation Location { get; init; }

    /// <summary>
    /// Where the value of <paramref name="field"/> (its f.yml key, e.g. <c>memorySize</c>) is; the node's own location
    /// when it was not set. Entries of a mapping are <c>environment.NAME</c> / <c>settings.NAME</c>, items of a list
    /// <c>layers[0]</c> / <c>functions[0]</c>.
    /// </summary>
    public SpecLocation LocationOf(string field) =>
        _fields is not null && _fields.TryGetValue(field, out SpecLocation location) ? location : Location;

    /// <summary>Whether the f.yml key <paramref name="field"/> was written in the file.</summary>
    public bool Has(string field) => _fields is not null && _fields.ContainsKey(field);

    /// <summary>Records where the value of <paramref name="field"/> is (the parser calls this).</summary>
    public void SetLocation(string field, SpecLocation location) => (_fields ??= new()).Add(field, location);
}
