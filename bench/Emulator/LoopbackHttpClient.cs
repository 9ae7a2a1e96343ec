using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>
/// The HTTP/1.1 client every server-model emulator calls the bootstrap with: raw sockets to 127.0.0.1 (so requests go
/// out byte for byte as the emulator spells them and answers are recorded byte for byte), a keep-alive pool of at most
/// <see cref="CallerOptions.MaxConnections"/> connections, and one retry on a fresh connection when a pooled one turns
/// out to have been closed by the server before answering (as HttpClient does).
/// </summary>
internal sealed partial class LoopbackHttpClient : IDisposable
{
    private readonly int _port;
    private readonly CallerOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<WireConnection> _idle = new();
    private readonly ExchangeJournal _journal;
    private readonly WirePacing? _pacing;
    private long _sequence;
    private int _connectionsOpened;
    private int _disposed;

    public LoopbackHttpClient(int port, CallerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1, nameof(options.MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RequestTimeout, TimeSpan.Zero, nameof(options.RequestTimeout));
        _port = port;
        _options = options;
        _slots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
        _journal = new ExchangeJournal(options.RecordExchanges);
        _pacing = WirePacing.From(options);
    }

    public int Port => _port;

    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    public IReadOnlyList<SentRequest> Requests => _journal.Requests();

    public IReadOnlyList<ReceivedResponse> Responses => _journal.Responses();

    public Task<ReceivedResponse> SendAsync(OutgoingRequest request, CancellationToken cancellationToken = default) =>
        SendCoreAsync(request, null, cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        while (_idle.TryPop(out WireConnection? connection))
        {
            connection.Dispose();
        }

        // In-flight requests finish on their own connections and close them (the disposed flag keeps them out of the pool).
    }

    private async Task<ReceivedResponse> SendCoreAsync(OutgoingRequest request, WireConnection? accepted, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        byte[] raw = RequestWriter.Write(request, out List<KeyValuePair<string, string>> writtenHeaders);
        byte[] body = request.Body.ToArray();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        bool acquired = false;
        try
        {
            await _slots.WaitAsync(timeout.Token).ConfigureAwait(false);
            acquired = true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(request);
        }
        finally
        {
            if (!acquired)
            {
                accepted?.Dispose();
            }
        }

        try
        {
            for (int attempt = 0; ; attempt++)
            {
                WireConnection connection = accepted ?? TakeIdle() ?? await OpenAsync(request, timeout, cancellationToken).ConfigureAwait(false);
                accepted = null;
                bool pooled = false;
                try
                {
                    var sent = new SentRequest(
                        Interlocked.Increment(ref _sequence), request.Method, request.Target, writtenHeaders, body, request.Chunked, raw, Stopwatch.GetTimestamp());
                    _journal.Add(sent);
                    ParsedResponse parsed;
                    try
                    {
                        await connection.WriteAsync(raw, timeout.Token).ConfigureAwait(false);
                        parsed = await connection.ReadResponseAsync(request.IsHead, timeout.Token).ConfigureAwait(false);
                    }
                    catch (IOException) when (connection.IsReused && connection.ReceivedSinceWrite == 0 && attempt == 0)
                    {
                        // A kept-alive connection the server had closed before this request reached it: nothing was
                        // answered, so the request goes once more on a new connection (HttpClient does the same).
                        continue;
                    }
                    catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        throw TimedOut(request);
                    }

                    var response = new ReceivedResponse(
                        sent,
                        parsed.Version,
                        parsed.StatusCode,
                        parsed.ReasonPhrase,
                        parsed.Headers,
                        parsed.Body,
                        parsed.IsChunked,
                        parsed.Trailers,
                        parsed.RawBytes,
                        parsed.KeepAlive,
                        Stopwatch.GetTimestamp());
                    _journal.Add(response);
                    if (parsed.KeepAlive && Volatile.Read(ref _disposed) == 0)
                    {
                        connection.IsReused = true;
                        _idle.Push(connection);
                        pooled = true;
                    }

                    return response;
                }
                finally
                {
                    if (!pooled)
                    {
                        connection.Dispose();
                    }
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private WireConnection? TakeIdle()
    {
        while (_idle.TryPop(out WireConnection? connection))
        {
            if (connection.LooksReusable())
            {
                return connection;
            }

            connection.Dispose();
        }

        return null;
    }

    private async Task<WireConnection> OpenAsync(OutgoingRequest request, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        try
        {
            WireConnection connection = await WireConnection.ConnectAsync(_port, _pacing, timeout.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _connectionsOpened);
            return connection;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(request);
        }
    }

    private TimeoutException TimedOut(OutgoingRequest request) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"{request.Method} {request.Target} to 127.0.0.1:{_port} got no complete response within {_options.RequestTimeout.TotalMilliseconds} ms."));
}
