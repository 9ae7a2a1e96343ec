using System;
using System.Text;

namespace Runtime.Light.Http.Server;

/// <summary>
/// Shared strings for common request header names, matched exactly as sent (canonical or lower case), so the names of
/// most headers allocate nothing and keep the casing the client used.
/// </summary>
internal static class RequestHeaderNames
{
    private static readonly string[] s_names =
    {
        "Host", "host", "Content-Length", "content-length", "Content-Type", "content-type", "Connection", "connection",
        "Transfer-Encoding", "transfer-encoding", "Expect", "expect", "User-Agent", "user-agent", "Accept", "accept",
        "Accept-Encoding", "accept-encoding", "Accept-Language", "accept-language", "Authorization", "authorization",
        "Cookie", "cookie", "Date", "date", "Origin", "origin", "Referer", "referer", "Cache-Control", "cache-control",
        "traceparent", "tracestate", "X-Forwarded-For", "x-forwarded-for", "X-Forwarded-Proto", "x-forwarded-proto",
        "X-Request-Id", "x-request-id",
    };

    /// <summary>The shared string when <paramref name="name"/> (ASCII) is a known name as sent, else a new string.</summary>
    public static string Get(ReadOnlySpan<byte> name)
    {
        foreach (string known in s_names)
        {
            if (known.Length == name.Length && Ascii.Equals(name, known))
            {
                return known;
            }
        }
        return Encoding.ASCII.GetString(name);
    }
}
