using System.Collections.Generic;
using System.Text;

namespace Runtime.Emulator.Tests;

/// <summary>A request as the fake server read it off the wire.</summary>
internal sealed class ServerRequest
{
    public ServerRequest(int connectionId, string method, string target, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body, byte[] raw)
    {
        ConnectionId = connectionId;
        Method = method;
        Target = target;
        Headers = headers;
        Body = body;
        Raw = raw;
    }

    /// <summary>1, 2, 3… per accepted connection.</summary>
    public int ConnectionId { get; }

    public string Method { get; }

    public string Target { get; }

    /// <summary>Header fields in wire order with their exact case.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Every byte of the request (head and framed body).</summary>
    public byte[] Raw { get; }

    public string RawText => Encoding.UTF8.GetString(Raw);

    public string? Header(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (header.Key.Equals(name, System.StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    public string[] HeaderNames()
    {
        var names = new string[Headers.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = Headers[i].Key;
        }

        return names;
    }
}
