using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Runtime.Spec.Model;
using Runtime.Spec.Rules;
using Runtime.Spec.Yaml;

namespace Runtime.Spec.Reading;

/// <summary>
/// Reads the keys of one f.yml mapping by name and type. Every key read is a known key; <see cref="Finish"/> reports
/// the keys nobody read as unknown (with the nearest known one), so no key is ever dropped silently, and stamps
/// where each value was onto the spec node.
/// </summary>
internal sealed class Fields
{
    private readonly YamlMapping _mapping;
    private readonly SpecBinder _binder;
    private readonly List<string> _known = [];
    private readonly List<(string Field, SpecLocation Location)> _present = [];

    public Fields(YamlMapping mapping, string owner, SpecLocation ownerLocation, SpecBinder binder)
    {
        _mapping = mapping;
        Owner = owner;
        OwnerLocation = ownerLocation;
        _binder = binder;
    }

    /// <summary>How messages name the mapping: "provider", "function 'hello'".</summary>
    public string Owner { get; }

    /// <summary>Where a missing key is reported: the key that holds the mapping.</summary>
    public SpecLocation OwnerLocation { get; }

    private DiagnosticBag Bag => _binder.Bag;

    /// <summary>The value of <paramref name="key"/> (marked known); null when absent, or when YAML null (reported).</summary>
    public YamlEntry? Entry(string key, string expected, bool required = false)
    {
        _known.Add(key);
        YamlEntry? entry = _mapping.Entries.FirstOrDefault(e => e.Key.Value == key);
        if (entry is null)
        {
            // A misspelt key ("fucntions") is reported once, by Finish, as unknown with "did you mean".
            if (required && !_mapping.Entries.Any(e => KeySuggestion.Nearest(e.Key.Value, [key]) is not null))
            {
                Bag.Error(OwnerLocation, $"{Owner} has no '{key}'; expected {expected}");
            }
            return null;
        }
        _present.Add((key, entry.Value.Location));
        if (Bag.HasErrorAt([entry.Value.Location]))
        {
            // The YAML layer already reported this value (an unknown alias, a tag): one message per mistake.
            return null;
        }
        if (entry.Value is YamlScalar { IsNull: true })
        {
            Bag.Error(entry.Key.Location, $"'{key}' has no value; expected {expected}");
            return null;
        }
        return entry;
    }

    public bool Has(string key) => _mapping.Entries.Any(e => e.Key.Value == key);

    /// <summary>Where <paramref name="key"/> is written; the owner's location when it is not.</summary>
    public SpecLocation KeyLocation(string key) => _mapping.Entries.FirstOrDefault(e => e.Key.Value == key)?.Key.Location ?? OwnerLocation;

    /// <summary>A scalar's text after <c>${env.NAME}</c> substitution; null when absent or wrong (reported).</summary>
    public string? String(string key, string expected, bool required = false) =>
        Entry(key, expected, required) is { } entry ? _binder.Text(entry.Value, key, expected) : null;

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? Int(string key, int min, int max, string unit, bool required = false)
    {
        string expected = $"a whole number{unit} from {min} to {max}";
        YamlEntry? entry = Entry(key, expected, required);
        if (entry is null || _binder.Text(entry.Value, key, expected) is not { } text)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }
        Bag.Error(entry.Value.Location, $"'{key}' must be {expected}; got '{text}'");
        return null;
    }

    public bool? Bool(string key)
    {
        const string expected = "true or false";
        YamlEntry? entry = Entry(key, expected);
        if (entry is null || _binder.Text(entry.Value, key, expected) is not { } text)
        {
            return null;
        }
        switch (text)
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                Bag.Error(entry.Value.Location, $"'{key}' must be {expected}; got '{text}'");
                return null;
        }
    }

    public YamlMapping? Mapping(string key, string expected, bool required = false)
    {
        YamlEntry? entry = Entry(key, expected, required);
        if (entry is null)
        {
            return null;
        }
        if (entry.Value is YamlMapping mapping)
        {
            return mapping;
        }
        Bag.Error(entry.Value.Location, $"'{key}' must be {expected}; got {entry.Value.Describe()}");
        return null;
    }

    /// <summary>A list of strings; a single string is taken as a list of one (<c>method: GET</c>).</summary>
    public List<(string Text, SpecLocation Location)>? StringList(string key, string expected, bool required = false)
    {
        YamlEntry? entry = Entry(key, expected, required);
        if (entry is null)
        {
            return null;
        }
        var items = new List<(string, SpecLocation)>();
        if (entry.Value is YamlScalar scalar)
        {
            if (_binder.Text(scalar, key, expected) is { } one)
            {
                items.Add((one, scalar.Location));
            }
            return items;
        }
        if (entry.Value is not YamlSequence sequence)
        {
            Bag.Error(entry.Value.Location, $"'{key}' must be {expected}; got {entry.Value.Describe()}");
            return null;
        }
        foreach (YamlNode item in sequence.Items)
        {
            if (item is YamlScalar { IsNull: true })
            {
                Bag.Error(item.Location, $"an item of '{key}' is empty; expected {expected}");
            }
            else if (_binder.Text(item, key, expected) is { } text)
            {
                items.Add((text, item.Location));
            }
        }
        return items;
    }

    /// <summary>
    /// A mapping of variable names to scalar values (<c>environment</c>, layer <c>settings</c>): numbers and booleans
    /// are kept as written. Stamps each value's location as <c>key.NAME</c>. <paramref name="reserveFaas"/>: names
    /// starting <c>FAAS_</c> are the runtime's own settings (FAAS_HANDLER...), which a function's environment must not set.
    /// </summary>
    public Dictionary<string, string> Variables(string key, string what, bool reserveFaas = false)
    {
        var variables = new Dictionary<string, string>(System.StringComparer.Ordinal);
        string expected = $"a mapping of {what} names to values";
        if (Mapping(key, expected) is not { } mapping)
        {
            return variables;
        }
        foreach (YamlEntry entry in mapping.Entries)
        {
            string name = entry.Key.Value;
            if (!NameRules.IsVariableName(name))
            {
                Bag.Error(entry.Key.Location, $"'{name}' is not a valid {what} name; expected a letter, then letters, digits and '_'");
                continue;
            }
            if (reserveFaas && name.StartsWith("FAAS_", System.StringComparison.Ordinal))
            {
                Bag.Error(entry.Key.Location, $"'{name}' is reserved: the runtime sets the FAAS_ variables");
                continue;
            }
            if (entry.Value is YamlScalar { IsNull: true })
            {
                Bag.Error(entry.Key.Location, $"'{name}' has no value; write '' for an empty string");
                continue;
            }
            _present.Add(($"{key}.{name}", entry.Value.Location));
            if (_binder.Text(entry.Value, name, "a string, number or boolean") is { } value)
            {
                variables[name] = value;
            }
        }
        return variables;
    }

    /// <summary>Reports every key not read as unknown, and records where each read value is on <paramref name="node"/>.</summary>
    public void Finish(SpecNode? node)
    {
        foreach (YamlEntry entry in _mapping.Entries)
        {
            if (!_known.Contains(entry.Key.Value))
            {
                string hint = KeySuggestion.Nearest(entry.Key.Value, _known) is { } nearest
                    ? $" (did you mean '{nearest}'?)"
                    : $"; expected {Rules.Words.OneOf(_known.Distinct())}";
                Bag.Error(entry.Key.Location, $"unknown key '{entry.Key.Value}' in {Owner}{hint}");
            }
        }
        if (node is not null)
        {
            foreach ((string field, SpecLocation location) in _present)
            {
                node.SetLocation(field, location);
            }
        }
    }

    /// <summary>Records where a nested value is (<c>layers[0]</c>, <c>functions[1]</c>) on the node at <see cref="Finish"/>.</summary>
    public void Stamp(string field, SpecLocation location) => _present.Add((field, location));
}
