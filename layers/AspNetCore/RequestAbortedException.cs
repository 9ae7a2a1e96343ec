using System;

namespace Runtime.Layers.AspNetCore;

/// <summary>The ASP.NET Core app called <c>HttpContext.Abort()</c>: the invocation ends in this error instead of a response.</summary>
public sealed class RequestAbortedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RequestAbortedException()
        : base("The ASP.NET Core app aborted the request (HttpContext.Abort); no response is sent.")
    {
    }
}
