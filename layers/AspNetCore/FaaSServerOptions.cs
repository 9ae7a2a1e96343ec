using System;

namespace Runtime.Layers.AspNetCore;

/// <summary>How <see cref="FaaSServerExtensions.UseFaaS(Microsoft.AspNetCore.Builder.WebApplicationBuilder, Action{FaaSServerOptions}?)"/> turns invocations into requests.</summary>
public sealed class FaaSServerOptions
{
    /// <summary>
    /// The request scheme when the trigger does not say (no <c>X-Forwarded-Proto</c> header). Cloud HTTP triggers are
    /// reached over TLS, so <c>https</c> by default; that keeps <c>UseHttpsRedirection</c> from redirecting forever.
    /// </summary>
    public string DefaultScheme { get; set; } = "https";

    /// <summary>
    /// A path prefix that is the app's <c>PathBase</c> rather than part of its routes (for example an API Gateway stage,
    /// <c>/prod</c>). A request path that starts with it (on a segment boundary) is split; others are left whole.
    /// </summary>
    public string? PathBase { get; set; }

    /// <summary>
    /// Send the app's <c>Microsoft.Extensions.Logging</c> events to the runtime's log (one JSON line per event on stdout,
    /// carrying the invocation's <c>RequestId</c>) in place of the app's own providers, and quiet
    /// <c>Microsoft.AspNetCore</c> below Warning as the ASP.NET Core templates do. True by default: the console logger
    /// would write multi-line text onto the stdout the platform reads as the function's log.
    /// </summary>
    public bool ForwardLogs { get; set; } = true;
}
