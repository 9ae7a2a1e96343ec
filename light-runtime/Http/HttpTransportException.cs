using System;

namespace Runtime.Light.Http;

/// <summary>
/// The connection failed (refused, reset, closed early, malformed answer). <see cref="RequestSent"/> says whether
/// the whole request may have reached the peer, which decides whether retrying could duplicate it.
/// </summary>
internal sealed class HttpTransportException : Exception
{
    public HttpTransportException(string message, bool requestSent, Exception? innerException = null)
        : base(message, innerException)
    {
        RequestSent = requestSent;
    }

    public bool RequestSent { get; }
}
