using System.Collections.Generic;

namespace Runtime.Spec.Rules;

/// <summary>
/// HTTP event paths and group prefixes. A path starts with <c>/</c>; its segments are literals (letters, digits,
/// <c>-</c>, <c>.</c>, <c>_</c>, <c>~</c>), whole-segment parameters <c>{name}</c>, or, as the last segment only, a
/// greedy <c>{name+}</c> or <c>*</c>. This is what every cloud's HTTP routing can express (API Gateway and APIG
/// resource paths are the strictest: parameters are whole segments and the greedy one is last).
/// </summary>
internal static class HttpPathRules
{
    /// <summary>Null when valid, else what is wrong (a sentence continuing "path '/x' ...").</summary>
    public static string? PathProblem(string path)
    {
        if (!path.StartsWith('/'))
        {
            return "must start with '/'";
        }
        if (path == "/")
        {
            return null;
        }
        if (path.EndsWith('/'))
        {
            return "must not end with '/'";
        }
        string[] segments = path[1..].Split('/');
        var parameters = new HashSet<string>(System.StringComparer.Ordinal);
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            bool last = i == segments.Length - 1;
            if (segment == "*")
            {
                if (!last)
                {
                    return "may have '*' only as its last segment";
                }
                continue;
            }
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                bool greedy = segment.EndsWith("+}", System.StringComparison.Ordinal);
                string name = segment[1..^(greedy ? 2 : 1)];
                if (!IsParameterName(name))
                {
                    return $"has a malformed parameter '{segment}'; expected '{{name}}' (letters, digits, '_') or, as the last segment, '{{name+}}'";
                }
                if (greedy && !last)
                {
                    return $"may have the greedy parameter '{segment}' only as its last segment";
                }
                if (!parameters.Add(name))
                {
                    return $"names the parameter '{name}' twice";
                }
                continue;
            }
            if (SegmentProblem(segment) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    /// <summary>Null when <paramref name="prefix"/> is a valid group prefix (<c>/a/b</c>, literal segments only), else what is wrong.</summary>
    public static string? PrefixProblem(string prefix)
    {
        if (!prefix.StartsWith('/'))
        {
            return "must start with '/'";
        }
        if (prefix.EndsWith('/'))
        {
            return prefix == "/" ? "must not end with '/' (leave 'prefix' out for none)" : "must not end with '/'";
        }
        foreach (string segment in prefix[1..].Split('/'))
        {
            if (segment.Contains('{') || segment.Contains('}') || segment.Contains('*'))
            {
                return "must not contain parameters or '*'";
            }
            if (SegmentProblem(segment) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    /// <summary>
    /// The route's shape for conflict checks: parameter names dropped (<c>/a/{id}</c> and <c>/a/{name}</c> are one
    /// route), greedy forms unified (<c>{rest+}</c> and <c>*</c>).
    /// </summary>
    public static string RouteKey(string path)
    {
        if (path == "/")
        {
            return path;
        }
        string[] segments = path[1..].Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            if (segment == "*" || (segment.StartsWith('{') && segment.EndsWith("+}", System.StringComparison.Ordinal)))
            {
                segments[i] = "*";
            }
            else if (segment.StartsWith('{'))
            {
                segments[i] = "{}";
            }
        }
        return "/" + string.Join('/', segments);
    }

    /// <summary>The path as deployed: the group's prefix, then the path (<c>/</c> under <c>/api</c> is <c>/api</c>).</summary>
    public static string Deployed(string prefix, string path) =>
        prefix.Length == 0 ? path : path == "/" ? prefix : prefix + path;

    private static string? SegmentProblem(string segment)
    {
        if (segment.Length == 0)
        {
            return "has an empty segment ('//')";
        }
        if (segment[0] == ':' && segment.Length > 1 && IsParameterName(segment[1..]))
        {
            return $"has '{segment}', an Express-style parameter; write '{{{segment[1..]}}}'";
        }
        if (segment.Contains('{') || segment.Contains('}'))
        {
            return $"has '{segment}'; a parameter must be a whole segment, '{{name}}'";
        }
        if (segment.Contains('*'))
        {
            return $"has '{segment}'; '*' must be a whole segment";
        }
        foreach (char c in segment)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_' or '~'))
            {
                return $"has the character '{c}'; a path segment may contain letters, digits, '-', '.', '_' and '~'";
            }
        }
        return null;
    }

    private static bool IsParameterName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
