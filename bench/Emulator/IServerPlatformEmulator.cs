using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>
/// A platform for which the bootstrap is an HTTP server and the emulator is the caller (Alibaba FC, Azure custom
/// handlers, Cloud Run / Knative, Tencent web functions, Huawei HTTP functions). The emulator picks a free port, hands it
/// to the bootstrap through <see cref="Environment"/>, then connects to 127.0.0.1 on it with its own keep-alive pool.
/// </summary>
public interface IServerPlatformEmulator : IAsyncDisposable
{
    /// <summary>The port the bootstrap must listen on (free when picked; nothing listens on it until the bootstrap does).</summary>
    int Port { get; }

    /// <summary>The variables the platform gives the process (the port variable, where the platform has one, = <see cref="Port"/>).</summary>
    IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Snapshot of every request written, in the order written (exact bytes in <see cref="SentRequest.RawBytes"/>).</summary>
    IReadOnlyList<SentRequest> Requests { get; }

    /// <summary>Snapshot of every response received, in the order completed.</summary>
    IReadOnlyList<ReceivedResponse> Responses { get; }

    /// <summary>TCP connections opened so far by requests and readiness probes (not by <see cref="SendRawAsync"/>).</summary>
    int ConnectionsOpened { get; }

    /// <summary>
    /// Connects about every millisecond until the port accepts, then sends the platform's first request and waits for any
    /// HTTP answer. Throws <see cref="TimeoutException"/> when <paramref name="timeout"/> passes first.
    /// </summary>
    Task<ReadyInfo> WaitForReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="bytes"/> as they are on a new connection and returns every byte answered until the server
    /// closes or resets it, or <paramref name="timeout"/> (default 5 s) passes. Not recorded in <see cref="Requests"/>.
    /// </summary>
    Task<RawExchangeResult> SendRawAsync(byte[] bytes, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
