using System;

namespace Runtime.Light.Http.Server;

/// <summary>
/// A request the server will not serve: malformed, over a limit, or unsupported. <see cref="StatusCode"/> is the
/// answer (400, 408, 413, 414, 431, 501 or 505) and the message, which never quotes the request, is its body.
/// </summary>
internal sealed class HttpRequestRejectedException : Exception
{
    public HttpRequestRejectedException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }
}
