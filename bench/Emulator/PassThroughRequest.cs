using System;
using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Builds a request that carries a client's method, target, headers and body through a platform to the bootstrap.</summary>
internal static class PassThroughRequest
{
    /// <summary>
    /// <c>Host</c> first (the client's value when it sent one, else <paramref name="defaultHost"/>; with
    /// <paramref name="hostFirst"/> false a client Host keeps its place), then the client's other headers in order, minus framing (Content-Length, Transfer-Encoding: the writer frames the body itself) and minus
    /// whatever <paramref name="drop"/> says the platform strips. The platform appends its own headers afterwards.
    /// </summary>
    public static OutgoingRequest Create(
        string method,
        string pathAndQuery,
        string defaultHost,
        IEnumerable<KeyValuePair<string, string>>? headers,
        ReadOnlyMemory<byte> body,
        Func<string, bool>? drop = null,
        bool hostFirst = true)
    {
        var request = new OutgoingRequest(method, pathAndQuery) { Body = body };
        string? host = null;
        var rest = new List<KeyValuePair<string, string>>();
        if (headers is not null)
        {
            foreach (KeyValuePair<string, string> header in headers)
            {
                bool isHost = header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase);
                if (isHost && host is not null)
                {
                    continue;
                }

                if (isHost)
                {
                    host = header.Value;
                    if (!hostFirst)
                    {
                        rest.Add(header);
                    }
                }
                else if (!IsFraming(header.Key) && (drop is null || !drop(header.Key)))
                {
                    rest.Add(header);
                }
            }
        }

        if (hostFirst || host is null)
        {
            request.Add("Host", host ?? defaultHost);
        }

        request.Headers.AddRange(rest);
        return request;
    }

    public static bool IsFraming(string name) =>
        name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase);
}
