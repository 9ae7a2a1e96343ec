using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Light.Http.Server;

/// <summary>
/// Reading heads and bodies, and the connection's one deadline. The deadline is the socket's receive timeout
/// (<see cref="BlockingSocketReader.Deadline"/>): a blocked receive that reaches it returns a canceled read, and the
/// reader decides from its own deadline what that means, so a timeout that ends a moment early is not mistaken for
/// the deadline. A stop wakes a connection blocked waiting for a request by shutting its receiving side down
/// (<see cref="Wake"/>), which the reader sees as the client closing.
/// </summary>
internal sealed partial class HttpServerConnection
{
    /// <summary>How long a rejected request's connection keeps reading (and dropping) input after the answer.</summary>
    private static readonly TimeSpan s_lingerTime = TimeSpan.FromSeconds(1);

    /// <summary>How much input a rejected request's connection drops before it closes anyway.</summary>
    private const long LingerMaxBytes = 1024 * 1024;

    private readonly Lock _gate = new();
    private DeadlineKind _deadlineKind;
    private long _deadline;
    private bool _closed;
    private bool _waitingForRequest;
    private bool _bodyArrivedWithHead;
    private ReadOnlyMemory<byte> _requestBody;
    private bool _holdingBody;
    private SequencePosition _heldBodyEnd;

    private enum DeadlineKind
    {
        None,
        Idle,
        Headers,
        Linger,
    }

    private enum HeadStatus
    {
        More,
        Parsed,
        Closed,
    }

    /// <summary>
    /// At a stop: closes the connection if it is waiting for a request (its blocked receive returns as if the client
    /// had closed); a connection with a request under way finishes it and closes after the response.
    /// </summary>
    internal void Wake()
    {
        lock (_gate)
        {
            if (_closed || !_waitingForRequest)
            {
                return;
            }
            _waitingForRequest = false;
            try
            {
                _socket.Shutdown(System.Net.Sockets.SocketShutdown.Receive);
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                // The client is gone already: the receive fails or has failed, and the connection closes either way.
            }
        }
    }

    /// <summary>
    /// Before a read that may wait for a request to begin: false when the server is stopping (then only input already
    /// here is served), otherwise the connection is marked as waiting, for <see cref="Wake"/>.
    /// </summary>
    private bool BeginWaitForRequest()
    {
        lock (_gate)
        {
            if (_server.IsStopping)
            {
                return false;
            }
            _waitingForRequest = true;
            return true;
        }
    }

    private void EndWaitForRequest()
    {
        lock (_gate)
        {
            _waitingForRequest = false;
        }
    }

    /// <summary>
    /// Waits for the next request head and parses it into <see cref="_head"/>; false when the connection should close
    /// quietly (the client closed, the idle timeout passed, or the server is stopping and no request has begun).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadHeadAsync()
    {
        ArmDeadline(DeadlineKind.Idle, _server.Options.KeepAliveTimeout);
        bool started = false;
        while (true)
        {
            ReadResult result;
            if (started)
            {
                result = await _reader.ReadAsync().ConfigureAwait(false);
            }
            else if (BeginWaitForRequest())
            {
                try
                {
                    result = await _reader.ReadAsync().ConfigureAwait(false);
                }
                finally
                {
                    EndWaitForRequest();
                }
            }
            else
            {
                // Stopping: a request whose bytes are already here is served; otherwise the connection is idle.
                if (!_reader.TryRead(out result))
                {
                    DisarmDeadline();
                    return false;
                }
            }
            HeadStatus status = ExamineHead(result, ref started);
            if (status != HeadStatus.More)
            {
                return status == HeadStatus.Parsed;
            }
        }
    }

    private HeadStatus ExamineHead(in ReadResult result, ref bool started)
    {
        ReadOnlySequence<byte> buffer = result.Buffer;
        SequencePosition consumed = buffer.Start;
        SequencePosition examined = buffer.End;
        try
        {
            if (!buffer.IsEmpty)
            {
                var reader = new SequenceReader<byte>(buffer);
                if (Http1RequestParser.TryParseHead(ref reader, _head, _server.Limits))
                {
                    consumed = examined = reader.Position;
                    _bodyArrivedWithHead = !reader.End;
                    DisarmDeadline();
                    return HeadStatus.Parsed;
                }
                if (!started)
                {
                    // The first bytes of a request: from now on the head has RequestHeadersTimeout to arrive. Most
                    // heads arrive in one read, so the receive timeout is seldom touched.
                    started = true;
                    ArmDeadline(DeadlineKind.Headers, _server.Options.RequestHeadersTimeout);
                }
            }
            if (result.IsCompleted)
            {
                if (started)
                {
                    _log.Debug("Connection {ConnectionId} closed in the middle of a request head", Id);
                }
                return HeadStatus.Closed;
            }
            if (result.IsCanceled)
            {
                if (DeadlinePassed())
                {
                    if (_deadlineKind == DeadlineKind.Headers)
                    {
                        throw new HttpRequestRejectedException(408,
                            "The request head did not arrive within " + (long)_server.Options.RequestHeadersTimeout.TotalMilliseconds + " ms.");
                    }
                    _log.Debug("Connection {ConnectionId} closed after the keep-alive timeout", Id);
                    return HeadStatus.Closed;
                }
                // Otherwise the receive timeout ended a moment before the deadline: the next read waits for the rest.
            }
            return HeadStatus.More;
        }
        finally
        {
            _reader.AdvanceTo(consumed, examined);
        }
    }

    /// <summary>
    /// Reads a Content-Length body; false if the client closed first. A body that is already whole in one segment of
    /// the reader's buffer is handed over without a copy and consumed only after the response (<see cref="ReleaseBody"/>).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadContentAsync(long length)
    {
        long remaining = length;
        bool first = true;
        while (true)
        {
            ReadResult result = await _reader.ReadAsync().ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (first && buffer.Length >= length)
            {
                ReadOnlySequence<byte> whole = buffer.Slice(0, length);
                if (whole.IsSingleSegment)
                {
                    _requestBody = whole.First;
                    _heldBodyEnd = whole.End;
                    _holdingBody = true;
                    return true;
                }
            }
            first = false;
            long take = Math.Min(remaining, buffer.Length);
            SequencePosition end = buffer.GetPosition(take);
            try
            {
                foreach (ReadOnlyMemory<byte> segment in buffer.Slice(0, end))
                {
                    _body.Write(segment.Span);
                }
                remaining -= take;
            }
            finally
            {
                _reader.AdvanceTo(end);
            }
            if (remaining == 0)
            {
                _requestBody = _body.WrittenMemory;
                return true;
            }
            if (result.IsCompleted)
            {
                return false;
            }
            // Otherwise more is coming; a wake-up (a stop, a stale tick) does not interrupt a request in flight.
        }
    }

    /// <summary>Reads and de-chunks a chunked body; false if the client closed first.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadChunkedBodyAsync()
    {
        var decoder = default(ChunkedRequestBodyReader);
        while (true)
        {
            ReadResult result = await _reader.ReadAsync().ConfigureAwait(false);
            if (DecodeChunks(result, ref decoder))
            {
                _requestBody = _body.WrittenMemory;
                return true;
            }
            if (result.IsCompleted)
            {
                return false;
            }
        }
    }

    private bool DecodeChunks(in ReadResult result, ref ChunkedRequestBodyReader decoder)
    {
        ReadOnlySequence<byte> buffer = result.Buffer;
        var reader = new SequenceReader<byte>(buffer);
        bool done = false;
        try
        {
            done = decoder.TryRead(ref reader, _body, _server.Limits);
        }
        finally
        {
            _reader.AdvanceTo(reader.Position, done ? reader.Position : buffer.End);
        }
        return done;
    }

    /// <summary>Consumes a body held in the reader's buffer, or resets the copy; runs after every request.</summary>
    private void ReleaseBody()
    {
        _requestBody = default;
        if (_holdingBody)
        {
            _holdingBody = false;
            _reader.AdvanceTo(_heldBodyEnd);
        }
        _body.Reset(KeepCapacity);
    }

    /// <summary>
    /// After an error response: half-close, then read and drop what the client still sends until it closes (at most
    /// <see cref="s_lingerTime"/> and <see cref="LingerMaxBytes"/>). Closing with unread input makes the kernel send
    /// RST, which can destroy the error response before the client has read it.
    /// </summary>
    private async ValueTask LingerAsync()
    {
        _socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        ArmDeadline(DeadlineKind.Linger, s_lingerTime);
        long dropped = 0;
        while (dropped <= LingerMaxBytes)
        {
            ReadResult result = await _reader.ReadAsync().ConfigureAwait(false);
            dropped += result.Buffer.Length;
            _reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || (result.IsCanceled && DeadlinePassed()))
            {
                return;
            }
        }
    }

    private void ArmDeadline(DeadlineKind kind, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            DisarmDeadline();
            return;
        }
        long due = Math.Max(1, (long)timeout.TotalMilliseconds);
        _deadlineKind = kind;
        _deadline = Environment.TickCount64 + due;
        _reader.Deadline = _deadline;
    }

    private void DisarmDeadline()
    {
        if (_deadlineKind != DeadlineKind.None)
        {
            _deadlineKind = DeadlineKind.None;
            _reader.Deadline = long.MaxValue;
        }
    }

    private bool DeadlinePassed() => _deadlineKind != DeadlineKind.None && Environment.TickCount64 >= _deadline;

}
