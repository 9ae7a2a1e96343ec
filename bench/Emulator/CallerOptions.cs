using System;

namespace Runtime.Emulator;

/// <summary>
/// How a server-model emulator (the platform as the HTTP <em>caller</em>) reaches the bootstrap: port, connection pool,
/// timeouts, and the slow-caller fault modes. Shared by <see cref="AlibabaFcEmulator"/>, <see cref="AzureFunctionsHostEmulator"/>,
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

    /// <summary>
    /// Fault mode "slow sender": above 0, every request (head and body alike) is written in pieces of at most this many
    /// bytes, with <see cref="SendPause"/> between two pieces. 0 (default) writes each request in one write. Both slow
    /// modes apply to requests and readiness probes, never to <c>SendRawAsync</c>, which writes its bytes as given.
    /// </summary>
    public int SendPieceBytes { get; init; }

    /// <summary>The pause between two pieces of a request when <see cref="SendPieceBytes"/> is set.</summary>
    public TimeSpan SendPause { get; init; }

    /// <summary>
    /// Fault mode "slow reader": above 0, answers are read at most this many bytes at a time, with <see cref="ReadPause"/>
    /// before each read, and the connection's receive buffer is set to this size (before connecting, so the window the
    /// server sees stays small): a large answer then backs up into the server's send. 0 (default) reads as fast as it can.
    /// </summary>
    public int ReadPieceBytes { get; init; }

    /// <summary>The pause before each read when <see cref="ReadPieceBytes"/> is set.</summary>
    public TimeSpan ReadPause { get; init; }
}
