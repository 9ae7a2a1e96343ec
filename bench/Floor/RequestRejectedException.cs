using System;

namespace Runtime.Floor;

/// <summary>A request the server floor answers with an error status and then closes the connection on.</summary>
internal sealed class RequestRejectedException : Exception
{
    public RequestRejectedException(int status, string reason)
        : base(reason)
    {
        Status = status;
    }

    /// <summary>400, 413, 431, 501 or 505.</summary>
    public int Status { get; }
}
