using System;
using System.Collections.Generic;

namespace Runtime.Light.Http;

/// <summary>
/// The status and headers of one HTTP/1.1 response. Reused by a connection for every response it reads, so the
/// steady state allocates only the header values a caller asks to keep.
/// </summary>
internal sealed class ResponseHead
{
    private readonly List<KeyValuePair<string, string>> _headers = new(16);

    public int StatusCode { get; set; }

    /// <summary>-1 when the response has no Content-Length.</summary>
    public long ContentLength { get; set; } = -1;

    public bool Chunked { get; set; }

    /// <summary>The server said <c>Connection: close</c> (or spoke HTTP/1.0 without keep-alive).</summary>
    public bool ConnectionClose { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>The first value of <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Get(string name)
    {
        foreach (KeyValuePair<string, string> header in _headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }
        return null;
    }

    internal void Add(string name, string value) => _headers.Add(new KeyValuePair<string, string>(name, value));

    internal void Reset()
    {
        StatusCode = 0;
        ContentLength = -1;
        Chunked = false;
        ConnectionClose = false;
        _headers.Clear();
    }
}
