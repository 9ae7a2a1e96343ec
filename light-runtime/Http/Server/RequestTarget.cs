using System;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Runtime.Light.Http.Server;

/// <summary>
/// Splits a request-target (origin-form <c>/p?q</c> or absolute-form <c>http://host/p?q</c>) into its raw path, its
/// decoded path and its raw query.
/// Decoding follows Kestrel: <c>%XX</c> escapes become bytes read as UTF-8, except <c>%2F</c> (an escaped slash stays
/// escaped, so a decoded path cannot gain a segment); a <c>%</c> not followed by two hex digits stays as it is; if the
/// decoded bytes are not valid UTF-8 the path is left undecoded. Dot segments are not removed.
/// </summary>
internal static class RequestTarget
{
    private const int StackLimit = 512;

    /// <summary>Splits <paramref name="rawTarget"/>; an absolute-form target with no path has the path <c>/</c>.</summary>
    public static void Split(string rawTarget, out string rawPath, out string path, out string query)
    {
        int pathStart = 0;
        if (rawTarget.Length > 0 && rawTarget[0] != '/')
        {
            // Absolute-form: the path starts at the first '/' after "scheme://authority", if any.
            int authority = rawTarget.IndexOf("://", StringComparison.Ordinal);
            int from = authority < 0 ? 0 : authority + 3;
            int end = rawTarget.AsSpan(from).IndexOfAny('/', '?');
            pathStart = end < 0 ? rawTarget.Length : from + end;
        }
        int question = rawTarget.IndexOf('?', pathStart);
        int pathEnd = question < 0 ? rawTarget.Length : question;
        query = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        if (pathStart == 0 && pathEnd == rawTarget.Length)
        {
            rawPath = rawTarget;
        }
        else
        {
            rawPath = pathStart == pathEnd ? "/" : rawTarget[pathStart..pathEnd];
        }
        path = Decode(rawPath);
    }

    /// <summary>The percent-decoded form of <paramref name="rawPath"/> (the same string when it has no escape).</summary>
    public static string Decode(string rawPath)
    {
        int percent = rawPath.IndexOf('%');
        if (percent < 0)
        {
            return rawPath;
        }
        byte[]? rented = null;
        Span<byte> bytes = rawPath.Length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(rawPath.Length));
        try
        {
            int written = 0;
            for (int i = 0; i < rawPath.Length; i++)
            {
                char c = rawPath[i];
                if (c > 0x7F)
                {
                    return rawPath; // only reachable from a hand-built request; the parser admits ASCII only
                }
                if (c == '%' && i + 2 < rawPath.Length && TryHex(rawPath[i + 1], rawPath[i + 2], out byte decoded) && decoded != (byte)'/')
                {
                    bytes[written++] = decoded;
                    i += 2;
                }
                else
                {
                    bytes[written++] = (byte)c;
                }
            }
            ReadOnlySpan<byte> result = bytes[..written];
            return Utf8.IsValid(result) ? Encoding.UTF8.GetString(result) : rawPath;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool TryHex(char high, char low, out byte value)
    {
        int h = HexValue(high);
        int l = HexValue(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
