using System;
using System.IO;
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
/// One accepted connection, served on a thread of its own with blocking socket calls: reads requests with a
/// <see cref="BlockingSocketReader"/>, one at a time, calls the handler, writes each response with one blocking send
/// (two buffers in one gather-send for big bodies) and loops while the connection is kept alive. The reading code is
/// async in form but every read completes before it returns, and a handler that does not finish synchronously is
/// waited for on this thread, so the whole loop, handler calls included, runs on the connection's thread and no
/// request pays a hop from an epoll thread to a thread-pool worker (docs/benchmarks.md, "Transport"). The thread ends
/// when the connection closes. Buffers are reused from request to request and bounded by the server's limits.
/// </summary>
internal sealed partial class HttpServerConnection
{
    /// <summary>Bodies up to this size are copied behind the head so the response goes out in one plain send.</summary>
    private const int InlineBodyLimit = 16 * 1024;

    /// <summary>Reused buffers that grew past this go back to the pool after the request.</summary>
    private const int KeepCapacity = 64 * 1024;

    private static readonly ParameterizedThreadStart s_run = static state => ((HttpServerConnection)state!).Run();

    private static ReadOnlyMemory<byte> ContinueResponse { get; } = Http1ResponseWriter.Continue.ToArray();

    private readonly HttpServer _server;
    private readonly Socket _socket;
    private readonly BlockingSocketReader _reader;
    private readonly ILogger _log;
    private readonly RequestHead _head = new();
    private readonly PooledBufferWriter _body = new(1024);
    private readonly PooledBufferWriter _output = new(1024);
    private readonly HttpServerResponse _response = new();
    private readonly ArraySegment<byte>[] _gather = new ArraySegment<byte>[2];

    public HttpServerConnection(HttpServer server, Socket socket, long id)
    {
        _server = server;
        _socket = socket;
        _log = server.Log;
        Id = id;
        socket.NoDelay = true;
        RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint;
        _reader = new BlockingSocketReader(socket);
    }

    public long Id { get; }

    public IPEndPoint? RemoteEndPoint { get; }

    /// <summary>
    /// Starts the connection's thread (a background thread named http-conn-&lt;id&gt;), which serves it and ends by
    /// telling the server it closed. Throws <see cref="OutOfMemoryException"/> when no thread can be created.
    /// </summary>
    public void Start()
    {
        var thread = new Thread(s_run) { IsBackground = true, Name = "http-conn-" + Id };
        thread.UnsafeStart(this);
    }

    /// <summary>Closes a connection whose thread could not be started.</summary>
    public void CloseUnserved()
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

    private void Run()
    {
        try
        {
            while (Finish(ServeRequestAsync()))
            {
            }
        }
        catch (HttpRequestRejectedException ex)
        {
            Finish(RejectAsync(ex));
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
                    Send(ContinueResponse.Span);
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
            WriteResponse(head, close);
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
            ValueTask handling = _server.Handler.HandleAsync(request, _response, abort);
            if (!handling.IsCompleted)
            {
                // The handler went asynchronous: wait for it here rather than let the rest of the request (the send,
                // the next blocking receive) follow its completion onto a thread-pool thread.
                Task task = handling.AsTask();
                task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
                handling = new ValueTask(task);
            }
            await handling.ConfigureAwait(false);
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

    private void WriteResponse(RequestHead head, bool close)
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
            Send(_output.WrittenSpan);
        }
        else
        {
            Send(_output.WrittenMemory, body);
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
            Send(_output.WrittenSpan);
            await LingerAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            _log.Debug("Connection {ConnectionId} lost while answering {StatusCode}: {Reason}", Id, rejection.StatusCode, ex.Message);
        }
    }

    private void Send(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int sent = _socket.Send(data, SocketFlags.None);
            data = data[sent..];
        }
    }

    /// <summary>Sends head and body with one gather-send (no copy of a big body), finishing any remainder plainly.</summary>
    private void Send(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body)
    {
        if (!MemoryMarshal.TryGetArray(head, out ArraySegment<byte> headSegment)
            || !MemoryMarshal.TryGetArray(body, out ArraySegment<byte> bodySegment))
        {
            Send(head.Span);
            Send(body.Span);
            return;
        }
        _gather[0] = headSegment;
        _gather[1] = bodySegment;
        int sent;
        try
        {
            sent = _socket.Send(_gather, SocketFlags.None);
        }
        finally
        {
            _gather.AsSpan().Clear();
        }
        if (sent < head.Length)
        {
            Send(head.Span[sent..]);
            Send(body.Span);
        }
        else
        {
            Send(body.Span[(sent - head.Length)..]);
        }
    }

    /// <summary>
    /// Waits for a step of the connection on its own thread. Reads never wait asynchronously and handlers are waited
    /// for where they are called, so the step has always finished already; blocking is only the fallback.
    /// </summary>
    private static T Finish<T>(ValueTask<T> step) => step.IsCompleted ? step.GetAwaiter().GetResult() : step.AsTask().GetAwaiter().GetResult();

    private static void Finish(Task step) => step.GetAwaiter().GetResult();

    /// <summary>
    /// Closes the socket from another thread (drain timeout): a blocked receive or send is woken by the shutdown, and
    /// pending and later I/O fail, so the loop ends.
    /// </summary>
    internal void Abort()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }
        }
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed or never connected: the dispose below is all that is left to do.
        }
        _socket.Dispose();
    }

    private void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }
        _socket.Dispose();
        _reader.Complete();
        _body.Dispose();
        _output.Dispose();
        _response.Body.Dispose();
    }

    private static bool IsDisconnect(Exception ex) => ex is IOException or SocketException or ObjectDisposedException;
}
