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
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private long _receivedSinceWrite;

    private WireConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>True once the connection has carried a complete exchange and was taken from the pool again.</summary>
    public bool IsReused { get; set; }

    /// <summary>Bytes received since the last write: 0 = the server has not started an answer.</summary>
    public long ReceivedSinceWrite => _receivedSinceWrite;

    public static async Task<WireConnection> ConnectAsync(int port, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Not leaked: the socket is released and the connect failure goes to the caller unchanged.
            socket.Dispose();
            throw;
        }

        return new WireConnection(socket);
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        _receivedSinceWrite = 0;
        await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
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

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        _receivedSinceWrite += read;
        return read > 0;
    }
}
