namespace Runtime.Spec.Rules;

/// <summary>The aggregation patterns: <c>*</c> any run of characters, <c>?</c> one character, the rest literal; the whole name must match.</summary>
internal static class Glob
{
    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(['*', '?']) >= 0;

    public static bool IsMatch(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
