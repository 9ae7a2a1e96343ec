using System;
using System.Collections.Generic;

namespace Runtime.Spec.Rules;

/// <summary>The known word nearest to a misspelt one, for "did you mean" hints.</summary>
internal static class KeySuggestion
{
    /// <summary>
    /// The candidate equal ignoring case, else the one with the smallest edit distance when that distance is at most 2
    /// and less than half the word (so 'x' does not suggest 'os'); null when nothing is that close.
    /// </summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            if (string.Equals(word, candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
            int distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 && bestDistance * 2 < word.Length ? best : null;
    }

    /// <summary>Edit distance counting insert, delete, substitute and swapping two neighbours ('GTE' is one from 'GET').</summary>
    internal static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }
        return previous[b.Length];
    }

    /// <summary>" (did you mean 'x'?)" or "".</summary>
    public static string Hint(string word, IEnumerable<string> candidates) =>
        Nearest(word, candidates) is { } nearest ? $" (did you mean '{nearest}'?)" : "";
}
