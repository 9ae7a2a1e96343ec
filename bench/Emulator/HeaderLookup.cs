using System;
using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Case-insensitive lookups in ordered header lists (as they were on the wire).</summary>
internal static class HeaderLookup
{
    public static string? First(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        foreach (KeyValuePair<string, string> header in headers)
        {
            if (header.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    public static int Count(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        int count = 0;
        foreach (KeyValuePair<string, string> header in headers)
        {
            if (header.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }
}
