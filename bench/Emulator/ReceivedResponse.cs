using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Runtime.Emulator;

/// <summary>One response the bootstrap sent back to a server-model emulator, exactly as received.</summary>
public sealed class ReceivedResponse
{
    internal ReceivedResponse(
        SentRequest request,
        string version,
        int statusCode,
        string reasonPhrase,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        byte[] body,
        bool isChunked,
        IReadOnlyList<KeyValuePair<string, string>> trailers,
        byte[] rawBytes,
        bool keepAlive,
        long timestamp)
    {
        Request = request;
        Version = version;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
        Body = body;
        IsChunked = isChunked;
        Trailers = trailers;
        RawBytes = rawBytes;
        KeepAlive = keepAlive;
        Timestamp = timestamp;
    }

    /// <summary>The request this answers.</summary>
    public SentRequest Request { get; }

    /// <summary>Protocol of the status line, e.g. <c>HTTP/1.1</c>.</summary>
    public string Version { get; }

    /// <summary>Status code.</summary>
    public int StatusCode { get; }

    /// <summary>Reason phrase (may be empty).</summary>
    public string ReasonPhrase { get; }

    /// <summary>Header fields in wire order with their exact case.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Body bytes (de-chunked).</summary>
    public byte[] Body { get; }

    /// <summary><see cref="Body"/> decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>True when the body came with <c>Transfer-Encoding: chunked</c>.</summary>
    public bool IsChunked { get; }

    /// <summary>Chunked trailer fields (empty when none).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Trailers { get; }

    /// <summary>Every byte of the response (interim 1xx responses included), exactly as received.</summary>
    public byte[] RawBytes { get; }

    /// <summary>True when the connection stayed open for the next request.</summary>
    public bool KeepAlive { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the last byte of the response had been read.</summary>
    public long Timestamp { get; }

    /// <summary>From the first request byte written to the last response byte read.</summary>
    public TimeSpan RoundTrip => Stopwatch.GetElapsedTime(Request.Timestamp, Timestamp);

    /// <summary>First value of a header (case-insensitive name), or null.</summary>
    public string? Header(string name) => HeaderLookup.First(Headers, name);

    /// <summary>True for 200–299.</summary>
    public bool IsSuccessStatusCode => StatusCode is >= 200 and <= 299;
}
