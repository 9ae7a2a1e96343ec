using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Serilog;

namespace Runtime.Light.Http.Server;

/// <summary>
/// The HTTP/1.1 server of the server-model platforms (Alibaba FC custom runtime, Azure Functions custom handler,
/// Cloud Run/Knative, Tencent web functions, Huawei HTTP functions): sockets, a <c>PipeReader</c> per connection,
/// keep-alive, pipelining, chunked request bodies, <c>Expect: 100-continue</c>, strict parsing and bounded buffers.
/// Each connection is served on a thread of its own with blocking socket calls (<see cref="HttpServerConnection"/>),
/// one request at a time and in order, so connections are served concurrently and a request costs no thread hop; the
/// request body is buffered whole before the handler runs and the response is buffered and written after it returns,
/// in one write. Accepting stays asynchronous (one accept per connection, not per request).
/// A malformed request gets one status with a short text body and closes its connection (logged at Warning); a
/// handler exception gets a bare 500 (logged at Error); neither affects other connections.
/// </summary>
internal sealed class HttpServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly HttpServerOptions _options;
    private readonly IHttpRequestHandler _handler;
    private readonly ILogger _log;
    private readonly RequestLimits _limits;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopAccepting = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _gate = new();
    private readonly HashSet<HttpServerConnection> _connections = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _acceptLoop = Task.CompletedTask;
    private Task? _stopped;
    private volatile bool _stopping;
    private long _nextConnectionId;
    private long _requestsServed;

    private HttpServer(Socket listener, HttpServerOptions options, IHttpRequestHandler handler, ILogger logger)
    {
        _listener = listener;
        _options = options;
        _handler = handler;
        _log = logger.ForContext<HttpServer>();
        _limits = RequestLimits.From(options);
        _slots = new SemaphoreSlim(options.MaxConcurrentConnections, options.MaxConcurrentConnections);
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        AbortToken = _abort.Token;
    }

    /// <summary>The bound address (with the real port when the options asked for port 0).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Responses written to completion, error responses to malformed requests excluded.</summary>
    public long RequestsServed => Interlocked.Read(ref _requestsServed);

    internal HttpServerOptions Options => _options;

    internal RequestLimits Limits => _limits;

    internal IHttpRequestHandler Handler => _handler;

    internal ILogger Log => _log;

    internal bool IsStopping => _stopping;

    /// <summary>Fires when the drain timeout runs out: handlers still running should give up.</summary>
    internal CancellationToken AbortToken { get; }

    /// <summary>
    /// Binds and listens before returning (so the port accepts connections as early as possible), then accepts in the
    /// background. Throws <see cref="SocketException"/> when the address cannot be bound.
    /// </summary>
    public static HttpServer Start(HttpServerOptions options, IHttpRequestHandler handler, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(logger);
        Validate(options);

        var listener = new Socket(options.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        HttpServer server;
        try
        {
            if (options.EndPoint.Address.Equals(IPAddress.IPv6Any))
            {
                listener.DualMode = true;
            }
            listener.Bind(options.EndPoint);
            listener.Listen();
            server = new HttpServer(listener, options, handler, logger);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        server._acceptLoop = server.AcceptLoopAsync();
        server._log.Information("HTTP server listening on {EndPoint}", server.LocalEndPoint.ToString());
        return server;
    }

    /// <summary>
    /// Stops accepting (new connections are refused), closes idle keep-alive connections at once, lets requests in
    /// flight finish and be answered (each then closes its connection), and after <paramref name="drainTimeout"/>
    /// aborts what is left: their handlers' token fires and their sockets close. Never throws; later calls wait for
    /// the first.
    /// </summary>
    public Task StopAsync(TimeSpan drainTimeout)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? first = Interlocked.CompareExchange(ref _stopped, stopped.Task, null);
        if (first is not null)
        {
            return first;
        }
        _ = StopCoreAsync(drainTimeout, stopped);
        return stopped.Task;
    }

    /// <summary>Stops without a drain (requests in flight are aborted) unless <see cref="StopAsync"/> already ran.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
        _stopAccepting.Dispose();
        _abort.Dispose();
        // _slots is not disposed: connections aborted at the drain timeout may still release their slot; SemaphoreSlim
        // holds nothing to free unless its wait handle was used, which it never is here.
    }

    internal void CountServed() => Interlocked.Increment(ref _requestsServed);

    internal void OnConnectionClosed(HttpServerConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
            if (_stopping && _connections.Count == 0)
            {
                _drained.TrySetResult();
            }
        }
        _slots.Release();
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            await AcceptConnectionsAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A server bug. Connections already open go on being served; new ones queue in the backlog unserved, the
            // platform sees its requests time out and replaces the instance, as with any unhealthy runtime.
            _log.Error(ex, "The HTTP server stopped accepting connections");
        }
    }

    private async Task AcceptConnectionsAsync()
    {
        CancellationToken stop = _stopAccepting.Token;
        while (true)
        {
            Socket socket;
            try
            {
                await _slots.WaitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            try
            {
                socket = await _listener.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && stop.IsCancellationRequested)
            {
                _slots.Release();
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                // The client gave up between its connect and our accept: nothing to serve, keep accepting.
                _slots.Release();
                continue;
            }
            catch (SocketException ex)
            {
                // Out of descriptors or memory, most likely: log, back off briefly so the loop does not spin, and
                // keep accepting; the connections already open are unaffected and will free resources as they close.
                _slots.Release();
                _log.Error(ex, "Accepting a connection failed ({SocketError}); retrying", ex.SocketErrorCode.ToString());
                try
                {
                    await Task.Delay(50, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                continue;
            }

            HttpServerConnection connection;
            try
            {
                connection = new HttpServerConnection(this, socket, Interlocked.Increment(ref _nextConnectionId));
            }
            catch (SocketException ex)
            {
                // The client reset the connection before we could read its address or set its options: nothing to
                // serve; this socket is closed and the loop goes on.
                _log.Debug("Dropped a connection that failed at accept: {Reason}", ex.Message);
                socket.Dispose();
                _slots.Release();
                continue;
            }
            lock (_gate)
            {
                _connections.Add(connection);
            }
            // Each connection runs on its own thread, so a handler that blocks never holds up accepting or the others.
            try
            {
                connection.Start();
            }
            catch (OutOfMemoryException ex)
            {
                // No thread to serve it (out of memory or the thread limit): close it and keep accepting, as when
                // accepting itself fails; the connections already open are unaffected.
                _log.Error(ex, "No thread could be started for connection {ConnectionId}; closing it", connection.Id);
                connection.CloseUnserved();
            }
        }
    }

    private async Task StopCoreAsync(TimeSpan drainTimeout, TaskCompletionSource stopped)
    {
        try
        {
            _stopping = true;
            _stopAccepting.Cancel();
            _listener.Dispose(); // from here new connections are refused
            await _acceptLoop.ConfigureAwait(false);

            HttpServerConnection[] open;
            lock (_gate)
            {
                open = new HttpServerConnection[_connections.Count];
                _connections.CopyTo(open);
                if (open.Length == 0)
                {
                    _drained.TrySetResult();
                }
            }
            foreach (HttpServerConnection connection in open)
            {
                connection.Wake(); // an idle one closes now; a busy one closes after its response
            }

            TimeSpan wait = drainTimeout == Timeout.InfiniteTimeSpan || drainTimeout >= TimeSpan.Zero ? drainTimeout : TimeSpan.Zero;
            await _drained.Task.WaitAsync(wait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!_drained.Task.IsCompleted)
            {
                Abort();
            }
            _log.Information("HTTP server stopped after {RequestsServed} requests", RequestsServed);
        }
        catch (Exception ex)
        {
            // StopAsync must never throw (it runs on the shutdown path, before Close hooks); the listener is closed
            // or closing either way, which is all later phases need.
            _log.Error(ex, "Stopping the HTTP server failed");
        }
        finally
        {
            stopped.TrySetResult();
        }
    }

    private void Abort()
    {
        HttpServerConnection[] open;
        lock (_gate)
        {
            open = new HttpServerConnection[_connections.Count];
            _connections.CopyTo(open);
        }
        _log.Warning("Drain timeout: aborting {Connections} connections with requests in flight", open.Length);
        try
        {
            _abort.Cancel();
        }
        catch (AggregateException ex)
        {
            // A handler's cancellation callback threw; the abort goes on regardless, since the sockets close below.
            _log.Error(ex, "A cancellation callback failed while aborting requests in flight");
        }
        foreach (HttpServerConnection connection in open)
        {
            connection.Abort();
        }
    }

    private static void Validate(HttpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.EndPoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestLineBytes, 16, nameof(options.MaxRequestLineBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestHeadersBytes, 2, nameof(options.MaxRequestHeadersBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRequestBodyBytes, nameof(options.MaxRequestBodyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentConnections, 1, nameof(options.MaxConcurrentConnections));
        CheckTimeout(options.RequestHeadersTimeout, nameof(options.RequestHeadersTimeout));
        CheckTimeout(options.KeepAliveTimeout, nameof(options.KeepAliveTimeout));
    }

    private static void CheckTimeout(TimeSpan timeout, string name)
    {
        if (timeout != Timeout.InfiniteTimeSpan && (timeout <= TimeSpan.Zero || timeout.TotalMilliseconds > uint.MaxValue - 1))
        {
            throw new ArgumentOutOfRangeException(name, timeout, "A timeout must be positive (at most ~49 days) or infinite.");
        }
    }
}
