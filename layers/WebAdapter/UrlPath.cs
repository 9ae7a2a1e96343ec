using System;
using System.Buffers;
using System.Text;

namespace Runtime.Layers.WebAdapter;

/// <summary>Path helpers: base-path removal as AWS Lambda Web Adapter does it, and re-encoding a decoded path for the wire.</summary>
internal static class UrlPath
{
    // RFC 3986 pchar plus '/': unreserved, sub-delims, ':' and '@'. Everything else ('%', '?', '#', space, non-ASCII) is escaped.
    private static readonly SearchValues<char> s_plain =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/");

    /// <summary>
    /// Removes <paramref name="basePath"/> (no trailing '/') once, and only on a segment boundary, as LWA does:
    /// with <c>/api</c>, <c>/api/api/order</c> becomes <c>/api/order</c>, <c>/api</c> becomes <c>/</c>, and
    /// <c>/apiorder</c> is left as it is.
    /// </summary>
    public static string RemoveBase(string path, string? basePath)
    {
        if (basePath is null || !path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return path;
        }
        if (path.Length == basePath.Length)
        {
            return "/";
        }
        return path[basePath.Length] == '/' ? path[basePath.Length..] : path;
    }

    /// <summary>Percent-encodes a decoded path so the app decodes it back to the same text; a path needing none is returned as is.</summary>
    public static string Escape(string path)
    {
        int first = path.AsSpan().IndexOfAnyExcept(s_plain);
        if (first < 0)
        {
            return path;
        }
        var builder = new StringBuilder(path.Length + 16);
        builder.Append(path, 0, first);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = first; i < path.Length; i++)
        {
            char c = path[i];
            if (s_plain.Contains(c))
            {
                builder.Append(c);
                continue;
            }
            int length;
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                length = Encoding.UTF8.GetBytes(path.AsSpan(i, 2), utf8);
                i++;
            }
            else
            {
                length = Encoding.UTF8.GetBytes(path.AsSpan(i, 1), utf8);
            }
            for (int b = 0; b < length; b++)
            {
                builder.Append('%').Append(HexUpper(utf8[b] >> 4)).Append(HexUpper(utf8[b] & 0xF));
            }
        }
        return builder.ToString();
    }

    private static char HexUpper(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
}
