using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Runtime.Engine.Functions.Aggregation;

/// <summary>
/// A route's path template, compiled once at start into segments. Matching compares spans of the request path
/// against the segments and allocates nothing; only filling parameters allocates their value strings.
/// Rules: starts with <c>/</c>; one trailing <c>/</c> is dropped; no empty segment, <c>?</c>, <c>#</c>, <c>%</c> or
/// whitespace; a parameter is a whole segment <c>{name}</c> (letters, digits, <c>_</c>, <c>-</c>, <c>.</c>; unique);
/// <c>{name+}</c> and <c>*</c> only as the last segment.
/// </summary>
internal sealed class RouteTemplate
{
    private RouteTemplate(string text, RouteSegment[] segments)
    {
        Text = text;
        Segments = segments;
        int literals = 0;
        bool parameters = false;
        foreach (RouteSegment segment in segments)
        {
            literals += segment.Kind == RouteSegmentKind.Literal ? 1 : 0;
            parameters |= segment.Kind == RouteSegmentKind.Parameter;
        }
        LiteralCount = literals;
        RouteSegmentKind last = segments.Length == 0 ? RouteSegmentKind.Literal : segments[^1].Kind;
        Class = last is RouteSegmentKind.Greedy or RouteSegmentKind.Wildcard ? RouteClass.Wildcard
            : parameters ? RouteClass.Parameterised : RouteClass.Exact;
        FixedCount = Class == RouteClass.Wildcard ? segments.Length - 1 : segments.Length;
        Shape = BuildShape(segments);
    }

    /// <summary>The template as normalised (no trailing slash).</summary>
    public string Text { get; }

    public RouteSegment[] Segments { get; }

    public RouteClass Class { get; }

    /// <summary>Literal segments: within a class, more of them is more specific.</summary>
    public int LiteralCount { get; }

    /// <summary>Segments before a greedy end (all of them without one).</summary>
    public int FixedCount { get; }

    /// <summary>The template with parameter names erased: two routes of one shape match the same paths.</summary>
    public string Shape { get; }

    /// <summary>Compiles <paramref name="text"/>; false with the reason when it is not a valid template.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out RouteTemplate? template, [NotNullWhen(false)] out string? reason)
    {
        template = null;
        if (!TrySplit(text, allowPatterns: true, out List<RouteSegment>? segments, out string normalised, out reason))
        {
            return false;
        }
        template = new RouteTemplate(normalised, segments.ToArray());
        return true;
    }

    /// <summary>
    /// Checks a group prefix: literal segments only. Returns the normalised prefix (no trailing slash; empty for none).
    /// </summary>
    public static bool TryParsePrefix(string? text, out string prefix, [NotNullWhen(false)] out string? reason)
    {
        prefix = string.Empty;
        reason = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (!TrySplit(text, allowPatterns: false, out _, out string normalised, out reason))
        {
            return false;
        }
        prefix = normalised == "/" ? string.Empty : normalised;
        return true;
    }

    /// <summary>Whether the request path's <paramref name="segments"/> match (<paramref name="encoded"/>: the path is raw).</summary>
    public bool Matches(ReadOnlySpan<char> path, ReadOnlySpan<Range> segments, bool encoded)
    {
        RouteSegment[] own = Segments;
        int fixedCount = FixedCount;
        if (Class == RouteClass.Wildcard)
        {
            if (segments.Length < fixedCount)
            {
                return false;
            }
            if (own[^1].Kind == RouteSegmentKind.Greedy && (segments.Length == fixedCount || path[segments[fixedCount].Start..].IsEmpty))
            {
                return false; // {name+} takes at least one character, as API Gateway's {proxy+}
            }
        }
        else if (segments.Length != fixedCount)
        {
            return false;
        }
        for (int i = 0; i < fixedCount; i++)
        {
            ReadOnlySpan<char> segment = path[segments[i]];
            RouteSegment expected = own[i];
            if (expected.Kind == RouteSegmentKind.Parameter)
            {
                if (segment.IsEmpty)
                {
                    return false;
                }
            }
            else if (!LiteralEquals(segment, expected.Text, encoded))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Fills <paramref name="parameters"/> from a path that <see cref="Matches"/> accepted.</summary>
    public void Fill(ReadOnlySpan<char> path, ReadOnlySpan<Range> segments, bool encoded, Dictionary<string, string> parameters)
    {
        RouteSegment[] own = Segments;
        for (int i = 0; i < own.Length; i++)
        {
            switch (own[i].Kind)
            {
                case RouteSegmentKind.Parameter:
                    parameters[own[i].Text] = Decode(path[segments[i]], encoded);
                    break;
                case RouteSegmentKind.Greedy:
                    // The rest of the path without its leading slash, as API Gateway fills {proxy+}.
                    parameters[own[i].Text] = Decode(path[segments[i].Start..], encoded);
                    break;
            }
        }
    }

    public override string ToString() => Text;

    private static bool LiteralEquals(ReadOnlySpan<char> segment, string literal, bool encoded)
    {
        if (segment.SequenceEqual(literal))
        {
            return true;
        }
        if (!encoded || segment.IndexOf('%') < 0 || segment.Length > 512)
        {
            return false;
        }
        // A raw segment with escapes (/caf%C3%A9) still matches the literal written decoded (/café).
        Span<char> decoded = stackalloc char[segment.Length];
        return Uri.TryUnescapeDataString(segment, decoded, out int written) && decoded[..written].SequenceEqual(literal);
    }

    private static string Decode(ReadOnlySpan<char> value, bool encoded) =>
        encoded && value.IndexOf('%') >= 0 ? Uri.UnescapeDataString(value) : value.ToString();

    private static bool TrySplit(string text, bool allowPatterns, [NotNullWhen(true)] out List<RouteSegment>? segments, out string normalised,
        [NotNullWhen(false)] out string? reason)
    {
        segments = null;
        normalised = text;
        if (text.Length == 0 || text[0] != '/')
        {
            reason = "it must start with '/'";
            return false;
        }
        foreach (char c in text)
        {
            if (c is '?' or '#' or '%' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                reason = c == '%'
                    ? "write it decoded, without '%' escapes"
                    : $"it contains '{(char.IsControl(c) || char.IsWhiteSpace(c) ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString())}'";
                return false;
            }
        }
        if (text.Length > 1 && text[^1] == '/')
        {
            normalised = text = text[..^1];
        }
        var list = new List<RouteSegment>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (text.Length > 1)
        {
            string[] parts = text[1..].Split('/');
            for (int i = 0; i < parts.Length; i++)
            {
                string part = parts[i];
                bool last = i == parts.Length - 1;
                if (part.Length == 0)
                {
                    reason = "it has an empty segment ('//')";
                    return false;
                }
                if (!TryParseSegment(part, last, allowPatterns, names, out RouteSegment segment, out reason))
                {
                    return false;
                }
                list.Add(segment);
            }
        }
        segments = list;
        reason = null;
        return true;
    }

    private static bool TryParseSegment(string part, bool last, bool allowPatterns, HashSet<string> names, out RouteSegment segment,
        [NotNullWhen(false)] out string? reason)
    {
        segment = default;
        reason = null;
        bool braces = part.Contains('{') || part.Contains('}');
        if (!braces && !part.Contains('*'))
        {
            segment = new RouteSegment(RouteSegmentKind.Literal, part);
            return true;
        }
        if (!allowPatterns)
        {
            reason = $"segment '{part}' is not literal (a prefix takes no parameters or wildcards)";
            return false;
        }
        if (part == "*")
        {
            if (!last)
            {
                reason = "'*' is allowed only as the last segment";
                return false;
            }
            segment = new RouteSegment(RouteSegmentKind.Wildcard, "*");
            return true;
        }
        if (!braces)
        {
            reason = $"segment '{part}' mixes '*' with text ('*' must be a whole segment)";
            return false;
        }
        if (part[0] != '{' || part[^1] != '}' || part.AsSpan(1, part.Length - 2).IndexOfAny('{', '}') >= 0)
        {
            reason = $"segment '{part}' is not a whole-segment parameter like '{{id}}'";
            return false;
        }
        string name = part[1..^1];
        bool greedy = name.EndsWith('+');
        if (greedy)
        {
            name = name[..^1];
        }
        if (name.Length == 0)
        {
            reason = $"segment '{part}' names no parameter";
            return false;
        }
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                reason = $"parameter name '{name}' may use only letters, digits, '_', '-' and '.'";
                return false;
            }
        }
        if (greedy && !last)
        {
            reason = $"'{{{name}+}}' is allowed only as the last segment";
            return false;
        }
        if (!names.Add(name))
        {
            reason = $"parameter '{name}' appears twice";
            return false;
        }
        segment = new RouteSegment(greedy ? RouteSegmentKind.Greedy : RouteSegmentKind.Parameter, name);
        return true;
    }

    private static string BuildShape(RouteSegment[] segments)
    {
        if (segments.Length == 0)
        {
            return "/";
        }
        var shape = new StringBuilder();
        foreach (RouteSegment segment in segments)
        {
            shape.Append('/').Append(segment.Kind switch
            {
                RouteSegmentKind.Parameter => "{}",
                RouteSegmentKind.Greedy => "{+}",
                RouteSegmentKind.Wildcard => "*",
                _ => segment.Text,
            });
        }
        return shape.ToString();
    }
}
