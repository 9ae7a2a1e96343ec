using System;
using System.Text;

namespace Runtime.Light.Http.Server;

/// <summary>
/// Shared strings for common request header names, matched exactly as sent (canonical or lower case), so the names of
/// most headers allocate nothing and keep the casing the client used. The platforms' own headers are here too (FC's
/// <c>x-fc-*</c>, Huawei's <c>X-CFF-*</c>, Azure's invocation id, CloudEvents' <c>ce-*</c>): FC alone sends about twenty
/// on every call. Candidates are bucketed by length, so a name is compared only with the few of its own length (a
/// linear scan of every name was the server's hottest function on FC, 3% of its warm profile under perf).
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
        // Alibaba Function Compute (protocols.md 3.2).
        "x-fc-request-id", "x-fc-access-key-id", "x-fc-access-key-secret", "x-fc-security-token", "x-fc-account-id",
        "x-fc-region", "x-fc-qualifier", "x-fc-version-id", "x-fc-service-name", "x-fc-service-logproject",
        "x-fc-service-logstore", "x-fc-function-name", "x-fc-function-handler", "x-fc-function-memory",
        "x-fc-function-timeout", "x-fc-function-initializer", "x-fc-initialization-timeout", "x-fc-retry-count",
        "x-fc-control-path", "x-fc-instance-lifecycle-pre-freeze-handler", "x-fc-instance-lifecycle-pre-stop-handler",
        // Huawei FunctionGraph HTTP functions.
        "X-CFF-Request-Id", "X-Cff-Request-Id", "X-CFF-Timeout", "X-CFF-Access-Key", "X-CFF-Secret-Key",
        "X-CFF-Security-Token", "X-CFF-Auth-Token", "X-CFF-Invoke-Type", "X-CFF-Region", "X-CFF-Project-Id",
        "X-CFF-Package", "X-CFF-Func-Name", "X-CFF-Func-Version",
        // Azure Functions custom handlers; CloudEvents binary mode (Cloud Run, Knative).
        "X-Azure-Functions-InvocationId", "ce-id", "ce-source", "ce-type", "ce-specversion", "ce-time", "ce-subject",
        "ce-dataschema",
    };

    private static readonly string[][] s_byLength = Bucket(s_names);

    /// <summary>The shared string when <paramref name="name"/> (ASCII) is a known name as sent, else a new string.</summary>
    public static string Get(ReadOnlySpan<byte> name)
    {
        if (name.Length < s_byLength.Length)
        {
            foreach (string known in s_byLength[name.Length])
            {
                if (Ascii.Equals(name, known))
                {
                    return known;
                }
            }
        }
        return Encoding.ASCII.GetString(name);
    }

    private static string[][] Bucket(string[] names)
    {
        int longest = 0;
        foreach (string name in names)
        {
            longest = Math.Max(longest, name.Length);
        }
        var buckets = new string[longest + 1][];
        for (int length = 0; length <= longest; length++)
        {
            int count = 0;
            foreach (string name in names)
            {
                count += name.Length == length ? 1 : 0;
            }
            buckets[length] = new string[count];
            count = 0;
            foreach (string name in names)
            {
                if (name.Length == length)
                {
                    buckets[length][count++] = name;
                }
            }
        }
        return buckets;
    }
}
