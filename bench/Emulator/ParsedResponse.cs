using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>A response read off a <see cref="WireConnection"/>, before it is tied to its request.</summary>
internal sealed class ParsedResponse
{
    public ParsedResponse(
        string version,
        int statusCode,
        string reasonPhrase,
        List<KeyValuePair<string, string>> headers,
        byte[] body,
        bool isChunked,
        List<KeyValuePair<string, string>> trailers,
        byte[] rawBytes,
        bool keepAlive)
    {
        Version = version;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
        Body = body;
        IsChunked = isChunked;
        Trailers = trailers;
        RawBytes = rawBytes;
        KeepAlive = keepAlive;
    }

    public string Version { get; }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public List<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public bool IsChunked { get; }

    public List<KeyValuePair<string, string>> Trailers { get; }

    public byte[] RawBytes { get; }

    public bool KeepAlive { get; }
}
