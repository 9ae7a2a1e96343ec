using System;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;
using Serilog;

namespace Runtime.Light.Http.Server;

/// <summary>
/// One accepted connection: reads requests with a <see cref="PipeReader"/> over the socket, one at a time, calls the
/// handler, writes each response with one send (two buffers in one gather-send for big bodies) and loops while the
/// connection is kept alive. Buffers are reused from request to request and bounded by the server's limits.
/// </summary>
internal sealed partial class HttpServerConnection : IThreadPoolWorkItem
{
    /// <summary>Bodies up to this size are copied behind the head so the response goes out in one plain send.</summary>
    private const int InlineBodyLimit = 16 * 1024;

    /// <summary>Reused buffers that grew past this go back to the pool after the request.</summary>
    private const int KeepCapacity = 64 * 1024;

    private static ReadOnlyMemory<byte> ContinueResponse { get; } = Http1ResponseWriter.Continue.ToArray();

    private readonly HttpServer _server;
    private readonly Socket _socket;
    private readonly PipeReader _reader;
    private readonly ILogger _log;
    private readonly RequestHead _head = new();
    private readonly PooledBufferWriter _body = new(1024);
    private readonly PooledBufferWriter _output = new(1024);
    private readonly HttpServerResponse _response = new();

    public HttpServerConnection(HttpServer server, Socket socket, long id)
    {
        _server = server;
        _socket = socket;
        _log = server.Log;
        Id = id;
        socket.NoDelay = true;
        RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint;
        _reader = PipeReader.Create(new NetworkStream(socket, ownsSocket: true));
    }

    public long Id { get; }

    public IPEndPoint? RemoteEndPoint { get; }

    /// <summary>Runs the connection (called once, on a thread-pool thread); it ends by telling the server it closed.</summary>
    public void Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        try
        {
            while (await ServeRequestAsync().ConfigureAwait(false))
            {
            }
        }
        catch (HttpRequestRejectedException ex)
        {
            await RejectAsync(ex).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            _log.Debug("Connection {ConnectionId} lost: {Reason}", Id, ex.Message);
        }
        catch (Exception ex)
        {
            // A server bug, not a handler failure (those are answered per request). Only this connection is affected
            // and it is closed below, so the server goes on serving the others.
            _log.Error(ex, "Connection {ConnectionId} failed", Id);
        }
        finally
        {
            try
            {
                Close();
            }
            finally
            {
                _server.OnConnectionClosed(this);
            }
        }
    }

    /// <summary>Reads one request, runs the handler, writes the response; false when the connection should close.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ServeRequestAsync()
    {
        if (!await ReadHeadAsync().ConfigureAwait(false))
        {
            return false;
        }
        RequestHead head = _head;
        try
        {
            if (head.HasBody)
            {
                if (head.ExpectContinue && head.Version == HttpVersion.Version11 && !_bodyArrivedWithHead)
                {
                    await SendAsync(ContinueResponse).ConfigureAwait(false);
                }
                bool complete = head.Chunked
                    ? await ReadChunkedBodyAsync().ConfigureAwait(false)
                    : await ReadContentAsync(head.ContentLength).ConfigureAwait(false);
                if (!complete)
                {
                    _log.Debug("Connection {ConnectionId} closed in the middle of a request body; the request is dropped", Id);
                    return false;
                }
            }
            else
            {
                _requestBody = default;
            }

            var request = new HttpServerRequest(head, _requestBody, RemoteEndPoint, Id);
            _response.Reset();
            if (!await InvokeHandlerAsync(request).ConfigureAwait(false))
            {
                return false;
            }
            bool close = !head.KeepAlive || _response.CloseConnection || _server.IsStopping;
            await WriteResponseAsync(head, close).ConfigureAwait(false);
            _server.CountServed();
            return !close;
        }
        finally
        {
            ReleaseBody();
        }
    }

    /// <summary>Runs the handler; false when the server aborted it (drain timeout) and the connection must close unanswered.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> InvokeHandlerAsync(HttpServerRequest request)
    {
        CancellationToken abort = _server.AbortToken;
        try
        {
            await _server.Handler.HandleAsync(request, _response, abort).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            _log.Debug("The handler on connection {ConnectionId} gave up at the drain timeout", Id);
            return false;
        }
        catch (Exception ex)
        {
            // The failure belongs to this request alone: its partial response is discarded for a bare 500 (no detail:
            // stack traces never go into HTTP responses) and the connection goes on with the next request.
            _log.Error(ex, "The request handler failed for {Method} {Path} on connection {ConnectionId}; answering 500",
                request.Method, request.RawPath, Id);
            SetInternalError();
            return true;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteResponseAsync(RequestHead head, bool close)
    {
        _output.Reset(KeepCapacity);
        bool keepAliveHttp10 = !close && head.Version == HttpVersion.Version10;
        string? problem = Http1ResponseWriter.TryWriteHead(_output, _response, head.IsHead, close, keepAliveHttp10);
        if (problem is not null)
        {
            _log.Error("The response to {Method} {Path} on connection {ConnectionId} is invalid ({Problem}); answering 500",
                head.Method, head.RawPath, Id, problem);
            SetInternalError();
            _output.Reset(KeepCapacity);
            Http1ResponseWriter.TryWriteHead(_output, _response, head.IsHead, close, keepAliveHttp10);
        }
        ReadOnlyMemory<byte> body = Http1ResponseWriter.HasBody(_response.StatusCode, head.IsHead)
            ? _response.Body.WrittenMemory
            : ReadOnlyMemory<byte>.Empty;
        if (body.Length <= InlineBodyLimit)
        {
            _output.Write(body.Span);
            await SendAsync(_output.WrittenMemory).ConfigureAwait(false);
        }
        else
        {
            await SendAsync(_output.WrittenMemory, body).ConfigureAwait(false);
        }
    }

    private void SetInternalError()
    {
        _response.Reset();
        _response.StatusCode = 500;
        _response.Headers.Add("Content-Type", "text/plain; charset=utf-8");
        _response.Body.Write("Internal Server Error"u8);
    }

    /// <summary>Answers a rejected request with its status and message, then lingers briefly before the close.</summary>
    private async Task RejectAsync(HttpRequestRejectedException rejection)
    {
        _log.Warning("Rejected a request on connection {ConnectionId} from {RemoteEndPoint}: {StatusCode} {Problem}",
            Id, RemoteEndPoint?.ToString(), rejection.StatusCode, rejection.Message);
        try
        {
            _output.Reset(KeepCapacity);
            Http1ResponseWriter.WriteError(_output, rejection.StatusCode, rejection.Message);
            await SendAsync(_output.WrittenMemory).ConfigureAwait(false);
            await LingerAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            _log.Debug("Connection {ConnectionId} lost while answering {StatusCode}: {Reason}", Id, rejection.StatusCode, ex.Message);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAsync(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            int sent = await _socket.SendAsync(data, SocketFlags.None).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <summary>Sends head and body with one gather-send (no copy of a big body), finishing any remainder plainly.</summary>
    private async ValueTask SendAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body)
    {
        if (!MemoryMarshal.TryGetArray(head, out ArraySegment<byte> headSegment)
            || !MemoryMarshal.TryGetArray(body, out ArraySegment<byte> bodySegment))
        {
            await SendAsync(head).ConfigureAwait(false);
            await SendAsync(body).ConfigureAwait(false);
            return;
        }
        int sent = await _socket.SendAsync(new[] { headSegment, bodySegment }, SocketFlags.None).ConfigureAwait(false);
        if (sent < head.Length)
        {
            await SendAsync(head[sent..]).ConfigureAwait(false);
            await SendAsync(body).ConfigureAwait(false);
        }
        else
        {
            await SendAsync(body[(sent - head.Length)..]).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the socket from another thread (drain timeout): pending and later I/O fail and the loop ends.</summary>
    internal void Abort()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }
        }
        _socket.Dispose();
    }

    private void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }
        _timer?.Dispose();
        _reader.Complete(); // disposes the stream, which owns the socket
        _socket.Dispose();
        _body.Dispose();
        _output.Dispose();
        _response.Body.Dispose();
    }

    private static bool IsDisconnect(Exception ex) => ex is IOException or SocketException or ObjectDisposedException;
}
