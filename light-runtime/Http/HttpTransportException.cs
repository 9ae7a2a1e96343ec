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

    /// <summary>
    /// The response head, when it arrived whole and the body then failed (cut short, reset, over the size limit);
    /// null otherwise. Valid until the connection reads its next response.
    /// </summary>
    public ResponseHead? Head { get; init; }
}
