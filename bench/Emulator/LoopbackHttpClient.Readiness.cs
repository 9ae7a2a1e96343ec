using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>Readiness probing and raw exchanges.</summary>
internal sealed partial class LoopbackHttpClient
{
    /// <summary>
    /// Connects every <see cref="CallerOptions.ReadyPollInterval"/> until the port accepts, then sends
    /// <paramref name="firstRequest"/> on that connection. A refused connect, or a connection closed or reset before any
    /// answer, means "not serving yet" and the probe starts over; any HTTP response (whatever its status) means ready.
    /// </summary>
    public async Task<ReadyInfo> WaitForReadyAsync(TimeSpan timeout, Func<OutgoingRequest> firstRequest, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        long started = Stopwatch.GetTimestamp();
        long firstAccepted = 0;
        int attempts = 0;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                deadline.Token.ThrowIfCancellationRequested();
                attempts++;
                WireConnection? connection = await TryConnectAsync(deadline.Token).ConfigureAwait(false);
                if (connection is not null)
                {
                    if (firstAccepted == 0)
                    {
                        firstAccepted = Stopwatch.GetTimestamp();
                    }

                    Interlocked.Increment(ref _connectionsOpened);
                    ReceivedResponse? response = await TryFirstRequestAsync(firstRequest(), connection, deadline.Token).ConfigureAwait(false);
                    if (response is not null)
                    {
                        return new ReadyInfo(started, firstAccepted, attempts, response);
                    }
                }

                // The platforms poll; this is the probe interval, not a wait for a result (cut short by the deadline).
                await Task.Delay(_options.ReadyPollInterval, deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"127.0.0.1:{_port} was not ready within {timeout.TotalMilliseconds} ms ({attempts} connect attempts, accepted: {firstAccepted != 0})."));
        }
    }

    /// <summary>Writes <paramref name="bytes"/> on a new connection and collects the answer until close, reset or timeout.</summary>
    public async Task<RawExchangeResult> SendRawAsync(byte[] bytes, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using WireConnection connection = await WireConnection.ConnectAsync(_port, cancellationToken: cancellationToken).ConfigureAwait(false);
        await connection.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        return await connection.ReadUntilCloseAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WireConnection?> TryConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WireConnection.ConnectAsync(_port, _pacing, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.TryAgain)
        {
            // Nothing listens yet: exactly what readiness polling waits out.
            return null;
        }
    }

    private async Task<ReceivedResponse?> TryFirstRequestAsync(OutgoingRequest request, WireConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            return await SendCoreAsync(request, connection, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // Accepted but closed or reset before answering (a listener that is not serving yet): probe again.
            return null;
        }
    }
}
