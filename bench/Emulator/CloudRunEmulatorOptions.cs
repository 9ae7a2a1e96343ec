using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Configuration of a <see cref="CloudRunEmulator"/> (Google Cloud Run, Cloud Run functions, Knative Serving).</summary>
public sealed class CloudRunEmulatorOptions
{
    /// <summary>Port, pool and timeouts of the caller.</summary>
    public CallerOptions Caller { get; init; } = new();

    /// <summary><c>K_SERVICE</c>.</summary>
    public string Service { get; init; } = "test-service";

    /// <summary><c>K_REVISION</c>.</summary>
    public string Revision { get; init; } = "test-service-00001-abc";

    /// <summary><c>K_CONFIGURATION</c>.</summary>
    public string Configuration { get; init; } = "test-service";

    /// <summary>Functions Framework <c>FUNCTION_TARGET</c>; not set when null.</summary>
    public string? FunctionTarget { get; init; }

    /// <summary>Functions Framework <c>FUNCTION_SIGNATURE_TYPE</c> (<c>http</c>, <c>event</c>, <c>cloudevent</c>); not set when null.</summary>
    public string? FunctionSignatureType { get; init; }

    /// <summary><c>Host</c> when the caller sends none (Cloud Run passes the client's host through).</summary>
    public string PublicHost { get; init; } = "test-service-abc123-uc.a.run.app";

    /// <summary>
    /// Add what the front end adds to every request: <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto: https</c>,
    /// <c>Forwarded</c>, <c>X-Cloud-Trace-Context</c> and <c>traceparent</c> (protocols.md §6: [S]). Off = untouched requests.
    /// </summary>
    public bool AddPlatformHeaders { get; init; } = true;

    /// <summary>Client address used in the forwarding headers.</summary>
    public string ClientIp { get; init; } = "203.0.113.7";

    /// <summary>Extra variables added to <see cref="CloudRunEmulator.Environment"/> (they win over the defaults).</summary>
    public IReadOnlyDictionary<string, string>? AdditionalEnvironment { get; init; }
}
