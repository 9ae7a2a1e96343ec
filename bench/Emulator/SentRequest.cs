using System.Collections.Generic;
using System.Text;

namespace Runtime.Emulator;

/// <summary>One request a server-model emulator wrote to the bootstrap, exactly as written.</summary>
public sealed class SentRequest
{
    internal SentRequest(
        long sequence,
        string method,
        string target,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        byte[] body,
        bool isChunked,
        byte[] rawBytes,
        long timestamp)
    {
        Sequence = sequence;
        Method = method;
        Target = target;
        Headers = headers;
        Body = body;
        IsChunked = isChunked;
        RawBytes = rawBytes;
        Timestamp = timestamp;
    }

    /// <summary>1, 2, 3… in the order requests were written (a retry on a fresh connection gets its own number).</summary>
    public long Sequence { get; }

    /// <summary>Request method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>Request target: path and query, e.g. <c>/invoke</c>.</summary>
    public string Target { get; }

    /// <summary>Header fields in wire order with their exact case, framing headers (Content-Length, Transfer-Encoding) included.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Body bytes (de-chunked).</summary>
    public byte[] Body { get; }

    /// <summary><see cref="Body"/> decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>True when the body was sent with <c>Transfer-Encoding: chunked</c>.</summary>
    public bool IsChunked { get; }

    /// <summary>Every byte written: request line, headers, blank line, body with its chunk framing.</summary>
    public byte[] RawBytes { get; }

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> just before the first byte was written.</summary>
    public long Timestamp { get; }

    /// <summary>First value of a header (case-insensitive name), or null.</summary>
    public string? Header(string name) => HeaderLookup.First(Headers, name);
}
