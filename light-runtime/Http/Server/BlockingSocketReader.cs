using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Light.Http.Server;

/// <summary>
/// A <see cref="PipeReader"/> over a socket used with blocking calls from the connection's own thread: every read
/// completes before it returns (a blocking <see cref="Socket.Receive(Span{byte}, SocketFlags, out SocketError)"/> into
/// one reused buffer), so the connection's async reading code runs synchronously on that thread, with no epoll thread
/// or thread-pool hop between the socket and the parser. The buffer holds what is not yet consumed, in one piece; it
/// grows only while a head that has not ended fills it (the parser's limits bound that) and shrinks when emptied.
/// A read waits at most until <see cref="Deadline"/> (the socket's receive timeout) and then returns a canceled result,
/// as a pipe woken by <see cref="PipeReader.CancelPendingRead"/> would. Not thread-safe: only the connection's thread
/// reads; other threads wake a blocked read by shutting the socket down.
/// </summary>
internal sealed class BlockingSocketReader : PipeReader
{
    private const int InitialSize = 8 * 1024;

    /// <summary>The least free space a receive is given; with less, the buffer is compacted or grown first.</summary>
    private const int MinimumReceive = 2 * 1024;

    /// <summary>A buffer that grew past this goes back to the pool when it empties.</summary>
    private const int KeepCapacity = 64 * 1024;

    private readonly Socket _socket;
    private byte[] _buffer;
    private int _start;
    private int _examined;
    private int _end;
    private int _receiveTimeout;
    private bool _peerClosed;
    private bool _cancelNext;
    private bool _completed;

    public BlockingSocketReader(Socket socket)
    {
        _socket = socket;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    }

    /// <summary>
    /// When a read stops waiting (an <see cref="Environment.TickCount64"/> value), or <see cref="long.MaxValue"/> to
    /// wait for as long as it takes. A read past the deadline returns a canceled result without receiving.
    /// </summary>
    public long Deadline { get; set; } = long.MaxValue;

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_cancelNext)
        {
            _cancelNext = false;
            return new ValueTask<ReadResult>(Result(canceled: true));
        }
        if (_examined < _end || _peerClosed)
        {
            // Input the caller has not looked at yet (a pipelined request, the rest of a body), or the end: no wait.
            return new ValueTask<ReadResult>(Result(canceled: false));
        }
        return new ValueTask<ReadResult>(Receive());
    }

    /// <summary>
    /// What is buffered, or what the socket already holds (read without blocking); false when there is nothing yet.
    /// </summary>
    public override bool TryRead(out ReadResult result)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_cancelNext)
        {
            _cancelNext = false;
            result = Result(canceled: true);
            return true;
        }
        if (_start == _end && !_peerClosed && _socket.Available > 0)
        {
            result = Receive();
            return true;
        }
        result = Result(canceled: false);
        return _start < _end || _peerClosed;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        int start = Index(consumed);
        int seen = Index(examined);
        if (start < _start || seen < start || seen > _end)
        {
            throw new ArgumentOutOfRangeException(nameof(consumed), "The positions are not within the last read's buffer.");
        }
        _start = start;
        _examined = seen;
        if (_start == _end)
        {
            _start = _examined = _end = 0;
        }
    }

    /// <summary>Makes the next read return a canceled result at once (it cannot wake a read already blocked).</summary>
    public override void CancelPendingRead() => _cancelNext = true;

    /// <summary>Returns the buffer to the pool; the socket is the connection's to close.</summary>
    public override void Complete(Exception? exception = null)
    {
        if (_completed)
        {
            return;
        }
        _completed = true;
        byte[] buffer = _buffer;
        _buffer = Array.Empty<byte>();
        _start = _examined = _end = 0;
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private ReadResult Receive()
    {
        int timeout = 0; // infinite, as SO_RCVTIMEO reads it
        if (Deadline != long.MaxValue)
        {
            long left = Deadline - Environment.TickCount64;
            if (left <= 0)
            {
                return Result(canceled: true);
            }
            timeout = (int)Math.Min(left, int.MaxValue);
        }
        if (timeout != _receiveTimeout)
        {
            // One setsockopt, only when the wait changes: a connection that never sees a slow head never pays it.
            _socket.ReceiveTimeout = timeout;
            _receiveTimeout = timeout;
        }
        MakeRoom();
        int received = _socket.Receive(_buffer.AsSpan(_end), SocketFlags.None, out SocketError error);
        if (error == SocketError.Success)
        {
            if (received == 0)
            {
                _peerClosed = true;
            }
            _end += received;
            return Result(canceled: false);
        }
        if (error == SocketError.TimedOut && timeout != 0)
        {
            return Result(canceled: true);
        }
        throw new SocketException((int)error);
    }

    /// <summary>Leaves at least <see cref="MinimumReceive"/> bytes free after the buffered input.</summary>
    private void MakeRoom()
    {
        if (_start == _end && _buffer.Length > KeepCapacity)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
            _start = _examined = _end = 0;
        }
        if (_buffer.Length - _end >= MinimumReceive)
        {
            return;
        }
        int length = _end - _start;
        byte[] target = _buffer;
        if (_buffer.Length - length < MinimumReceive)
        {
            target = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, length + MinimumReceive));
        }
        _buffer.AsSpan(_start, length).CopyTo(target);
        if (target != _buffer)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }
        _examined -= _start;
        _start = 0;
        _end = length;
    }

    private ReadResult Result(bool canceled) =>
        new(new ReadOnlySequence<byte>(_buffer, _start, _end - _start), canceled, _peerClosed);

    private int Index(SequencePosition position)
    {
        if (!ReferenceEquals(position.GetObject(), _buffer))
        {
            throw new ArgumentOutOfRangeException(nameof(position), "The position is not from the last read's buffer.");
        }
        return position.GetInteger();
    }
}
