using System;
using System.Collections.Generic;
using System.Text;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>A response as <see cref="RawClient"/> read it off the wire: status, headers in order, body bytes.</summary>
internal sealed class RawResponse
{
    public RawResponse(int statusCode, string statusLine, List<KeyValuePair<string, string>> headers, byte[] body)
    {
        StatusCode = statusCode;
        StatusLine = statusLine;
        Headers = headers;
        Body = body;
    }

    public int StatusCode { get; }

    public string StatusLine { get; }

    public List<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The first value of <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Get(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }
        return null;
    }

    public int Count(string name) => Headers.FindAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Count;
}
