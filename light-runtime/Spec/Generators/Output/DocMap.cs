using System;
using System.Collections.Generic;

namespace Runtime.Spec.Generators.Output;

/// <summary>A mapping whose keys keep the order they were added in (a key added twice is a generator bug).</summary>
internal sealed class DocMap : DocNode
{
    private readonly List<KeyValuePair<string, DocNode>> _entries = new();

    public IReadOnlyList<KeyValuePair<string, DocNode>> Entries => _entries;

    public int Count => _entries.Count;

    public DocMap Add(string key, DocNode value)
    {
        foreach (KeyValuePair<string, DocNode> entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Key '{key}' was added twice.");
            }
        }
        _entries.Add(new KeyValuePair<string, DocNode>(key, value));
        return this;
    }

    public DocMap Add(string key, string value) => Add(key, DocScalar.String(value));

    public DocMap Add(string key, long value) => Add(key, DocScalar.Number(value));

    public DocMap Add(string key, bool value) => Add(key, DocScalar.Boolean(value));

    /// <summary>Adds <paramref name="value"/> when it is not null.</summary>
    public DocMap AddIf(string key, string? value) => value is null ? this : Add(key, value);

    /// <summary>Adds <paramref name="value"/> when it is not null.</summary>
    public DocMap AddIf(string key, int? value) => value is null ? this : Add(key, value.Value);

    /// <summary>A map of strings, keys sorted ordinally (environment variables and other unordered maps).</summary>
    public static DocMap Sorted(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var sorted = new List<KeyValuePair<string, string>>(entries);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var map = new DocMap();
        foreach (KeyValuePair<string, string> entry in sorted)
        {
            map.Add(entry.Key, entry.Value);
        }
        return map;
    }
}
