using System;
using System.Collections;
using System.Collections.Generic;

namespace Runtime.Engine.Http;

/// <summary>
/// An ordered name/value list in which a name may repeat: HTTP headers (case-insensitive names) and query
/// parameters (case-sensitive names). Small and linear, because requests carry few fields and most lookups
/// hit early; preserves arrival order for round trips.
/// </summary>
public sealed class MultiMap : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _items;
    private readonly StringComparison _comparison;

    /// <summary>Creates an empty map; <paramref name="ignoreCase"/> for header names.</summary>
    public MultiMap(bool ignoreCase, int capacity = 8)
    {
        _items = new List<KeyValuePair<string, string>>(capacity);
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    /// <summary>Number of name/value pairs (a repeated name counts once per value).</summary>
    public int Count => _items.Count;

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name] => Get(name);

    /// <summary>Adds a value, keeping any earlier ones.</summary>
    public void Add(string name, string value) => _items.Add(new KeyValuePair<string, string>(name, value));

    /// <summary>Replaces every value of <paramref name="name"/> with one value.</summary>
    public void Set(string name, string value)
    {
        Remove(name);
        Add(name, value);
    }

    /// <summary>Removes every value of <paramref name="name"/>; returns whether any was there.</summary>
    public bool Remove(string name) => _items.RemoveAll(item => string.Equals(item.Key, name, _comparison)) > 0;

    /// <summary>Removes everything.</summary>
    public void Clear() => _items.Clear();

    /// <summary>Whether <paramref name="name"/> has at least one value.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        int index = IndexOf(name);
        return index < 0 ? null : _items[index].Value;
    }

    /// <summary>Every value of <paramref name="name"/>, in arrival order (empty when absent).</summary>
    public IReadOnlyList<string> GetValues(string name)
    {
        List<string>? values = null;
        foreach (KeyValuePair<string, string> item in _items)
        {
            if (string.Equals(item.Key, name, _comparison))
            {
                (values ??= new List<string>(2)).Add(item.Value);
            }
        }
        return values is null ? Array.Empty<string>() : values;
    }

    /// <summary>The distinct names, in order of first appearance.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var names = new List<string>(_items.Count);
            foreach (KeyValuePair<string, string> item in _items)
            {
                if (!names.Exists(n => string.Equals(n, item.Key, _comparison)))
                {
                    names.Add(item.Key);
                }
            }
            return names;
        }
    }

    /// <inheritdoc />
    public List<KeyValuePair<string, string>>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<KeyValuePair<string, string>> IEnumerable<KeyValuePair<string, string>>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    private int IndexOf(string name)
    {
        List<KeyValuePair<string, string>> items = _items;
        for (int i = 0; i < items.Count; i++)
        {
            if (string.Equals(items[i].Key, name, _comparison))
            {
                return i;
            }
        }
        return -1;
    }
}
