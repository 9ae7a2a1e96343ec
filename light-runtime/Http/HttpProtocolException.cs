using System;

namespace Runtime.Light.Http;

/// <summary>The peer sent bytes that are not a valid HTTP/1.1 message (or broke one of our limits).</summary>
internal sealed class HttpProtocolException : Exception
{
    public HttpProtocolException(string message)
        : base(message)
    {
    }
}
