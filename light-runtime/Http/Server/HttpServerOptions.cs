using System;
using System.Net;
using System.Threading;

namespace Runtime.Light.Http.Server;

/// <summary>
/// Where <see cref="HttpServer"/> listens and the limits it enforces on every connection. Each limit maps to one
/// status: a request that breaks it is answered with that status and a short text body, then the connection closes.
/// </summary>
internal sealed class HttpServerOptions
{
    /// <summary>The address to bind: <c>0.0.0.0:9000</c> on FC, <c>127.0.0.1:0</c> in tests.</summary>
    public required IPEndPoint EndPoint { get; init; }

    /// <summary>Longest request line (method, target and version, without CRLF); longer gets 414 URI Too Long.</summary>
    public int MaxRequestLineBytes { get; init; } = 8 * 1024;

    /// <summary>Largest header section (every header line with its CRLF, and the blank line); larger gets 431.</summary>
    public int MaxRequestHeadersBytes { get; init; } = 32 * 1024;

    /// <summary>Largest request body (Content-Length, or the sum of the chunk sizes); larger gets 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Time from the first byte of a request to the end of its head; a slower client gets 408. Idle time before the
    /// first byte is governed by <see cref="KeepAliveTimeout"/> instead.
    /// </summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a connection may sit idle (accepted or between requests, no byte of a request received) before it is
    /// closed without an answer. Infinite by default: FC keeps its connections to the runtime open for long.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Connections served at once; further clients wait in the listen backlog until one closes.</summary>
    public int MaxConcurrentConnections { get; init; } = 4096;
}
