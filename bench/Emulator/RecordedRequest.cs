using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>One HTTP request the emulator received, exactly as it arrived.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(
        string method,
        string path,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        long timestamp,
        IReadOnlyDictionary<string, string> trailers)
    {
        Method = method;
        Path = path;
        Headers = headers;
        Body = body;
        Timestamp = timestamp;
        Trailers = trailers;
    }

    /// <summary>HTTP method, e.g. <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>Request path without the query string, e.g. <c>/2018-06-01/runtime/invocation/next</c>.</summary>
    public string Path { get; }

    /// <summary>Request headers, case-insensitive keys; repeated headers are joined with a comma.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Request body bytes (empty when none).</summary>
    public byte[] Body { get; }

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the request headers arrived.</summary>
    public long Timestamp { get; }

    /// <summary>HTTP/1.1 chunked trailers, case-insensitive keys (empty when none).</summary>
    public IReadOnlyDictionary<string, string> Trailers { get; }
}
