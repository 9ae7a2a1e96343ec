using System;
using System.Globalization;
using System.Net;

namespace Runtime.Light.Http;

/// <summary>Parses the <c>host:port</c> the platforms give for their local agent, without touching DNS for IP literals.</summary>
internal static class EndPointParser
{
    /// <summary>Parses <paramref name="value"/> (<c>127.0.0.1:9001</c>, <c>[::1]:9001</c>, <c>localhost:9001</c>).</summary>
    public static bool TryParse(string? value, out EndPoint? endPoint, out string authority)
    {
        endPoint = null;
        authority = string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        string text = value.Trim();
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return false;
        }
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }
        string host = text[..colon];
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            return false;
        }
        return TryCreate(host, port, out endPoint, out authority);
    }

    /// <summary>Builds an end point from a separate host and port.</summary>
    public static bool TryCreate(string host, int port, out EndPoint? endPoint, out string authority)
    {
        endPoint = null;
        authority = string.Empty;
        if (string.IsNullOrWhiteSpace(host) || port is < 1 or > 65535)
        {
            return false;
        }
        string bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(bare, out IPAddress? address))
        {
            endPoint = new IPEndPoint(address, port);
            authority = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? "[" + bare + "]:" + port.ToString(CultureInfo.InvariantCulture)
                : bare + ":" + port.ToString(CultureInfo.InvariantCulture);
            return true;
        }
        foreach (char c in bare)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }
        }
        // A name, not an address: resolved when the socket connects (the only DNS use, and never on the clouds we
        // know, which all give an IP literal).
        endPoint = new DnsEndPoint(bare, port);
        authority = bare + ":" + port.ToString(CultureInfo.InvariantCulture);
        return true;
    }
}
