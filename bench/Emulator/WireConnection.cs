using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>One client-side HTTP/1.1 connection to 127.0.0.1: exact bytes out, exact bytes in.</summary>
internal sealed partial class WireConnection : IDisposable
{
    private const int MaxHeadBytes = 1024 * 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly WirePacing? _pacing;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private long _receivedSinceWrite;

    private WireConnection(Socket socket, WirePacing? pacing)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _pacing = pacing;
    }

    /// <summary>True once the connection has carried a complete exchange and was taken from the pool again.</summary>
    public bool IsReused { get; set; }

    /// <summary>Bytes received since the last write: 0 = the server has not started an answer.</summary>
    public long ReceivedSinceWrite => _receivedSinceWrite;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; with <paramref name="pacing"/>, writes and reads go at its pace.</summary>
    public static async Task<WireConnection> ConnectAsync(int port, WirePacing? pacing = null, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (pacing is { ReadPieceBytes: > 0 })
            {
                // Set before connecting: the window scale is agreed in the handshake, so the server is offered a small
                // window from the start and cannot push a large answer into this side's kernel buffer.
                socket.ReceiveBufferSize = pacing.ReadPieceBytes;
            }

            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Not leaked: the socket is released and the connect failure goes to the caller unchanged.
            socket.Dispose();
            throw;
        }

        return new WireConnection(socket, pacing);
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        _receivedSinceWrite = 0;
        if (_pacing is not { SendPieceBytes: > 0 } pacing)
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The slow sender: NoDelay is on, so each piece leaves as its own segment, and the server reads the head and
        // the body a few bytes at a time.
        for (int offset = 0; offset < bytes.Length; offset += pacing.SendPieceBytes)
        {
            if (offset > 0)
            {
                await Task.Delay(pacing.SendPause, cancellationToken).ConfigureAwait(false);
            }

            int length = Math.Min(pacing.SendPieceBytes, bytes.Length - offset);
            await _stream.WriteAsync(bytes.Slice(offset, length), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A pooled connection is reusable when nothing is buffered and the socket is not readable: readable with no request
    /// outstanding means the server closed it (or sent bytes nobody asked for).
    /// </summary>
    public bool LooksReusable() => _end == _start && !_socket.Poll(0, SelectMode.SelectRead);

    /// <summary>Reads until the server closes or resets the connection, or <paramref name="timeout"/> passes.</summary>
    public async Task<RawExchangeResult> ReadUntilCloseAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var received = new ArrayBufferWriter<byte>(4096);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        RawExchangeEnd end;
        try
        {
            while (true)
            {
                Memory<byte> target = received.GetMemory(4096);
                int read = await _stream.ReadAsync(target, timer.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    end = RawExchangeEnd.ServerClosed;
                    break;
                }

                received.Advance(read);
            }
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The timeout is reported in the result: a server that keeps the connection open is a valid outcome here.
            end = RawExchangeEnd.Timeout;
        }
        catch (IOException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            // Reported in the result: a reset is how a server may reject malformed input.
            end = RawExchangeEnd.ConnectionReset;
        }

        return new RawExchangeResult(received.WrittenSpan.ToArray(), end);
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Reads more bytes into the buffer; false at end of stream.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        Memory<byte> target = _buffer.AsMemory(_end);
        if (_pacing is { ReadPieceBytes: > 0 } pacing)
        {
            // The slow reader: a pause, then a small read; what the server sends meanwhile waits in its own buffers.
            await Task.Delay(pacing.ReadPause, cancellationToken).ConfigureAwait(false);
            target = target[..Math.Min(target.Length, pacing.ReadPieceBytes)];
        }

        int read = await _stream.ReadAsync(target, cancellationToken).ConfigureAwait(false);
        _end += read;
        _receivedSinceWrite += read;
        return read > 0;
    }
}
