using System;
using System.Collections.Generic;
using System.Text;

namespace Runtime.Engine.Functions.Aggregation;

/// <summary>
/// The compiled HTTP routes of an aggregation group, in precedence order: exact templates, then parameterised, then
/// wildcards; within a class, more literal segments first; then declaration order. A request takes the first route
/// whose path and method both match; when some route's path matches but none takes the method, the answer is a 405
/// whose <c>Allow</c> lists the methods those routes take. Matching allocates nothing (the request path is split into
/// ranges on the stack); only filling parameters allocates their values.
/// </summary>
internal sealed class RouteTable
{
    /// <summary>Request paths with more segments than this are split into a rented array instead of the stack.</summary>
    private const int StackSegments = 32;

    private readonly RouteEntry[] _entries;
    private readonly string _prefix;

    public RouteTable(IEnumerable<RouteEntry> entries, string prefix)
    {
        var list = new List<RouteEntry>(entries);
        // List.Sort is not stable; Declared makes the order total.
        list.Sort(static (a, b) =>
        {
            int byClass = a.Template.Class.CompareTo(b.Template.Class);
            if (byClass != 0)
            {
                return byClass;
            }
            int byLiterals = b.Template.LiteralCount.CompareTo(a.Template.LiteralCount);
            return byLiterals != 0 ? byLiterals : a.Declared.CompareTo(b.Declared);
        });
        _entries = list.ToArray();
        _prefix = prefix;
    }

    /// <summary>The routes in the order they are tried.</summary>
    public IReadOnlyList<RouteEntry> Entries => _entries;

    /// <summary>The group's prefix, normalised (no trailing slash; empty for none).</summary>
    public string Prefix => _prefix;

    /// <summary>
    /// Matches <paramref name="method"/> (upper case) and <paramref name="path"/> (decoded, starting with '/').
    /// <paramref name="entry"/> is the route taken when the outcome is <see cref="RouteOutcome.Matched"/>; for
    /// <see cref="RouteOutcome.MethodNotAllowed"/> it is the first route whose path matched (see <see cref="AllowedMethods"/>).
    /// </summary>
    public RouteOutcome Match(string method, string path, out RouteEntry? entry)
    {
        entry = null;
        if (!TryStripPrefix(path, out ReadOnlySpan<char> rest))
        {
            return RouteOutcome.NotFound;
        }
        rest = Trim(rest);
        Span<Range> segments = Split(rest, stackalloc Range[StackSegments]);
        RouteEntry? pathOnly = null;
        RouteEntry[] entries = _entries;
        for (int i = 0; i < entries.Length; i++)
        {
            RouteEntry candidate = entries[i];
            if (!candidate.Template.Matches(rest, segments, encoded: false))
            {
                continue;
            }
            if (candidate.Allows(method))
            {
                entry = candidate;
                return RouteOutcome.Matched;
            }
            pathOnly ??= candidate;
        }
        entry = pathOnly;
        return pathOnly is null ? RouteOutcome.NotFound : RouteOutcome.MethodNotAllowed;
    }

    /// <summary>Fills <paramref name="parameters"/> with the values <paramref name="entry"/>'s template captures from <paramref name="path"/>.</summary>
    public void Fill(RouteEntry entry, string path, Dictionary<string, string> parameters)
    {
        if (entry.Template.Class == RouteClass.Exact || !TryStripPrefix(path, out ReadOnlySpan<char> rest))
        {
            return;
        }
        rest = Trim(rest);
        Span<Range> segments = Split(rest, stackalloc Range[StackSegments]);
        entry.Template.Fill(rest, segments, encoded: false, parameters);
    }

    /// <summary>The '/'-separated segments of <paramref name="rest"/>, in <paramref name="buffer"/> when they fit, else in a new array.</summary>
    private static Span<Range> Split(ReadOnlySpan<char> rest, Span<Range> buffer)
    {
        int count = rest.IsEmpty ? 0 : rest.Count('/') + 1;
        Span<Range> segments = count <= buffer.Length ? buffer[..count] : new Range[count];
        if (count > 0)
        {
            rest.Split(segments, '/');
        }
        return segments;
    }

    /// <summary>The methods of every route whose path matches <paramref name="path"/>, for a 405's <c>Allow</c>: <c>GET, POST</c>.</summary>
    public string AllowedMethods(string path)
    {
        if (!TryStripPrefix(path, out ReadOnlySpan<char> rest))
        {
            return string.Empty;
        }
        rest = Trim(rest);
        Span<Range> segments = Split(rest, stackalloc Range[StackSegments]);
        var methods = new List<string>();
        foreach (RouteEntry candidate in _entries)
        {
            if (candidate.Methods is { } taken && candidate.Template.Matches(rest, segments, encoded: false))
            {
                foreach (string method in taken)
                {
                    if (!methods.Contains(method))
                    {
                        methods.Add(method);
                    }
                }
            }
        }
        return string.Join(", ", methods);
    }

    /// <summary>For logs: one route a line, in the order they are tried.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (RouteEntry entry in _entries)
        {
            text.Append(text.Length == 0 ? "" : "; ").Append(entry).Append(" -> ").Append(entry.FunctionName);
        }
        return text.ToString();
    }

    /// <summary>The path below the prefix (<c>/api/x</c> under <c>/api</c> is <c>/x</c>; <c>/api</c> itself is <c>/</c>); false outside it.</summary>
    private bool TryStripPrefix(string path, out ReadOnlySpan<char> rest)
    {
        rest = path;
        string prefix = _prefix;
        if (prefix.Length == 0)
        {
            return true;
        }
        if (!rest.StartsWith(prefix, StringComparison.Ordinal) || (rest.Length > prefix.Length && rest[prefix.Length] != '/'))
        {
            return false;
        }
        rest = rest[prefix.Length..];
        return true;
    }

    /// <summary>Drops the leading slash and one trailing slash: <c>/a/b/</c> becomes <c>a/b</c>.</summary>
    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> path)
    {
        if (!path.IsEmpty && path[0] == '/')
        {
            path = path[1..];
        }
        if (!path.IsEmpty && path[^1] == '/')
        {
            path = path[..^1];
        }
        return path;
    }
}
