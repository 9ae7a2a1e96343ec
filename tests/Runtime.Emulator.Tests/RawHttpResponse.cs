using System;
using System.Collections.Generic;
using System.Text;

namespace Runtime.Emulator.Tests;

/// <summary>A response as it came off the wire, header names with their exact case.</summary>
internal sealed class RawHttpResponse
{
    public RawHttpResponse(int status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Status = status;
        Headers = headers;
        Body = body;
    }

    public int Status { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (header.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}
