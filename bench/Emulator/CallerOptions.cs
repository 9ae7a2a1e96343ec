using System;

namespace Runtime.Emulator;

/// <summary>
/// How a server-model emulator (the platform as the HTTP <em>caller</em>) reaches the bootstrap: port, connection pool,
/// timeouts. Shared by <see cref="AlibabaFcEmulator"/>, <see cref="AzureFunctionsHostEmulator"/>,
/// <see cref="CloudRunEmulator"/>, <see cref="TencentWebEmulator"/> and <see cref="HuaweiHttpEmulator"/>.
/// </summary>
public sealed class CallerOptions
{
    /// <summary>Port the bootstrap is told to listen on; 0 (default) picks a free port on 127.0.0.1.</summary>
    public int Port { get; init; }

    /// <summary>Most keep-alive connections open at once; further concurrent requests wait for one to be free.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>Upper bound for one request (connect, write, whole response); exceeded = <see cref="TimeoutException"/>.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Delay between connection attempts in <c>WaitForReadyAsync</c> (the platforms poll; about 1 ms here).</summary>
    public TimeSpan ReadyPollInterval { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Keep every request and response in <c>Requests</c> / <c>Responses</c>; turn off for long benchmarks.</summary>
    public bool RecordExchanges { get; init; } = true;
}
