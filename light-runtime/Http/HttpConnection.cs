using System;
using System.Buffers;
using System.Buffers.Text;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Runtime.Engine.Buffers;

namespace Runtime.Light.Http;

/// <summary>
/// One keep-alive HTTP/1.1 client connection to the platform's local agent: a plain socket used with blocking
/// calls from the poll loop's own thread. No TLS, no proxy, no DNS for IP literals, no timeouts (a long poll may sit
/// frozen for minutes). Blocking calls on a dedicated thread were measured against async Pipelines and HttpClient
/// (docs/benchmarks.md, "Transport"): they reach the first poll sooner and answer each invocation sooner, because
/// no epoll thread or thread-pool hop stands between the socket and the loop.
/// Usage: <see cref="StartRequest(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>, <see cref="AddHeader(ReadOnlySpan{byte}, string)"/>
/// as needed, then <see cref="Send"/> (or <see cref="Write"/> and later <see cref="Read"/>). One request at a time;
/// after any failure the next request reconnects.
/// </summary>
internal sealed class HttpConnection : IDisposable
{
    private const int InlineBodyLimit = 64 * 1024;
    private const int ReceiveBufferSize = 16 * 1024;

    private readonly EndPoint _endPoint;
    private readonly byte[] _hostLine;
    private readonly PooledBufferWriter _request = new(2048);
    private readonly ResponseHead _head = new();
    private byte[] _buffer = new byte[ReceiveBufferSize];
    private int _start;
    private int _end;
    private Socket? _socket;
    private bool _headRead;

    public HttpConnection(EndPoint endPoint, string authority)
    {
        _endPoint = endPoint;
        _hostLine = Encoding.ASCII.GetBytes("Host: " + authority + "\r\n");
    }

    /// <summary>True while a socket is open.</summary>
    public bool IsConnected => _socket is not null;

    /// <summary>Begins a request: <paramref name="method"/> and <paramref name="path"/> (already escaped).</summary>
    public void StartRequest(ReadOnlySpan<byte> method, ReadOnlySpan<byte> path)
    {
        _request.Reset();
        _request.Write(method);
        _request.Write(" "u8);
        _request.Write(path);
        _request.Write(" HTTP/1.1\r\n"u8);
        _request.Write(_hostLine);
    }

    /// <summary>
    /// Begins a request whose path is <paramref name="prefix"/> + <paramref name="segment"/> + <paramref name="suffix"/>;
    /// the segment (a platform's request id) is percent-escaped unless it is all unreserved characters.
    /// </summary>
    public void StartRequest(ReadOnlySpan<byte> method, ReadOnlySpan<byte> prefix, string segment, ReadOnlySpan<byte> suffix)
    {
        _request.Reset();
        _request.Write(method);
        _request.Write(" "u8);
        _request.Write(prefix);
        string escaped = IsUnreserved(segment) ? segment : Uri.EscapeDataString(segment);
        _request.Advance(Encoding.ASCII.GetBytes(escaped, _request.GetSpan(escaped.Length)));
        _request.Write(suffix);
        _request.Write(" HTTP/1.1\r\n"u8);
        _request.Write(_hostLine);
    }

    /// <summary>Adds a header; throws if the value could split the header section.</summary>
    public void AddHeader(ReadOnlySpan<byte> name, string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException("A header value contains CR, LF or NUL.", nameof(value));
        }
        _request.Write(name);
        _request.Write(": "u8);
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        _request.Advance(Encoding.UTF8.GetBytes(value, _request.GetSpan(max)));
        _request.Write("\r\n"u8);
    }

    /// <summary>Adds a header given as bytes.</summary>
    public void AddHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        _request.Write(name);
        _request.Write(": "u8);
        _request.Write(value);
        _request.Write("\r\n"u8);
    }

    /// <summary>
    /// Sends the started request and reads the response; the body goes to <paramref name="responseBody"/>. Blocks
    /// the calling thread. The returned head is reused by the next call. Throws <see cref="HttpTransportException"/>
    /// when the connection fails (saying whether the request was sent), and <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> aborts it.
    /// </summary>
    public ResponseHead Send(ReadOnlyMemory<byte> body, bool hasBody, IBufferWriter<byte> responseBody, long maxResponseBody,
        CancellationToken cancellationToken = default)
    {
        // A blocked send or receive is woken by shutting the socket down from the canceling thread.
        using CancellationTokenRegistration abort = Register(cancellationToken);
        Write(body, hasBody, cancellationToken);
        return Read(responseBody, maxResponseBody, cancellationToken);
    }

    /// <summary>
    /// The first half of <see cref="Send"/>: connects if needed and writes the started request. A caller may then
    /// hand the connection to another thread, which calls <see cref="Read"/>.
    /// </summary>
    public void Write(ReadOnlyMemory<byte> body, bool hasBody, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (hasBody)
        {
            _request.Write("Content-Length: "u8);
            Utf8Formatter.TryFormat(body.Length, _request.GetSpan(16), out int written);
            _request.Advance(written);
            _request.Write("\r\n"u8);
        }
        _request.Write("\r\n"u8);
        bool inline = body.Length <= InlineBodyLimit;
        if (inline && !body.IsEmpty)
        {
            _request.Write(body.Span);
        }
        try
        {
            Socket socket = _socket ?? Connect();
            SendAll(socket, _request.WrittenSpan);
            if (!inline)
            {
                SendAll(socket, body.Span);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            throw Failed(ex, sent: false, cancellationToken);
        }
    }

    /// <summary>The second half of <see cref="Send"/>: reads the response to the request written last.</summary>
    public ResponseHead Read(IBufferWriter<byte> responseBody, long maxResponseBody, CancellationToken cancellationToken = default)
    {
        using CancellationTokenRegistration abort = Register(cancellationToken);
        _headRead = false;
        try
        {
            Socket socket = _socket ?? throw new ObjectDisposedException(nameof(HttpConnection), "No request is waiting for a response.");
            ReadResponse(socket, responseBody, maxResponseBody);
        }
        catch (Exception ex) when (ex is IOException or SocketException or HttpProtocolException or ObjectDisposedException)
        {
            throw Failed(ex, sent: true, cancellationToken, _headRead ? _head : null);
        }
        if (_head.ConnectionClose)
        {
            Drop();
        }
        return _head;
    }

    private CancellationTokenRegistration Register(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((HttpConnection)state!).Abort(), this)
            : default;

    private Exception Failed(Exception ex, bool sent, CancellationToken cancellationToken, ResponseHead? head = null)
    {
        Drop();
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The request was canceled.", ex, cancellationToken);
        }
        string what = ex is HttpProtocolException ? "answered with a malformed response" : "connection failed";
        return new HttpTransportException($"HTTP {what} ({_endPoint}): {ex.Message}", sent, ex) { Head = head };
    }

    public void Dispose()
    {
        Drop();
        _request.Dispose();
    }

    private Socket Connect()
    {
        Socket socket = _endPoint is DnsEndPoint
            ? new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(_endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Connect(_endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _start = _end = 0;
        Volatile.Write(ref _socket, socket);
        return socket;
    }

    private static void SendAll(Socket socket, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int sent = socket.Send(data);
            data = data[sent..];
        }
    }

    private void ReadResponse(Socket socket, IBufferWriter<byte> responseBody, long maxResponseBody)
    {
        var phase = Phase.Head;
        long remaining = 0;
        long total = 0;
        var chunked = default(ChunkedBodyReader);
        while (true)
        {
            var sequence = new SequenceReader<byte>(new ReadOnlySequence<byte>(_buffer, _start, _end - _start));
            bool done = false;
            while (!done)
            {
                if (phase == Phase.Head)
                {
                    if (!Http1ResponseParser.TryParseHead(ref sequence, _head))
                    {
                        break;
                    }
                    if (_head.StatusCode is >= 100 and < 200)
                    {
                        continue; // interim response (100 Continue); the real one follows
                    }
                    _headRead = true;
                    if (_head.StatusCode is 204 or 304 || (!_head.Chunked && _head.ContentLength == 0))
                    {
                        done = true;
                    }
                    else if (_head.Chunked)
                    {
                        phase = Phase.Chunked;
                    }
                    else if (_head.ContentLength > 0)
                    {
                        if (_head.ContentLength > maxResponseBody)
                        {
                            throw new HttpProtocolException($"The response body ({_head.ContentLength} bytes) is larger than {maxResponseBody} bytes.");
                        }
                        remaining = _head.ContentLength;
                        phase = Phase.Length;
                    }
                    else
                    {
                        _head.ConnectionClose = true;
                        phase = Phase.UntilClose;
                    }
                }
                else if (phase == Phase.Length)
                {
                    long take = Math.Min(remaining, sequence.Remaining);
                    responseBody.Write(sequence.UnreadSpan[..(int)take]);
                    sequence.Advance(take);
                    remaining -= take;
                    done = remaining == 0;
                    break;
                }
                else if (phase == Phase.Chunked)
                {
                    done = chunked.TryRead(ref sequence, responseBody, maxResponseBody);
                    break;
                }
                else
                {
                    total += sequence.Remaining;
                    if (total > maxResponseBody)
                    {
                        throw new HttpProtocolException($"The response body is larger than {maxResponseBody} bytes.");
                    }
                    responseBody.Write(sequence.UnreadSpan);
                    sequence.Advance(sequence.Remaining);
                    break;
                }
            }
            _start += (int)sequence.Consumed;
            if (done)
            {
                return;
            }

            if (phase == Phase.Length)
            {
                // The rest of a sized body goes straight from the socket into the caller's buffer: one copy.
                ReceiveBody(socket, responseBody, remaining);
                return;
            }
            if (!Fill(socket))
            {
                if (phase == Phase.UntilClose)
                {
                    return;
                }
                throw new IOException(phase == Phase.Head
                    ? "The connection closed before a response arrived."
                    : "The connection closed in the middle of the response body.");
            }
        }
    }

    private void ReceiveBody(Socket socket, IBufferWriter<byte> output, long remaining)
    {
        _start = _end = 0;
        while (remaining > 0)
        {
            Span<byte> target = output.GetSpan((int)Math.Min(remaining, 1024 * 1024));
            if (target.Length > remaining)
            {
                target = target[..(int)remaining];
            }
            int received = socket.Receive(target);
            if (received == 0)
            {
                throw new IOException("The connection closed in the middle of the response body.");
            }
            output.Advance(received);
            remaining -= received;
        }
    }

    /// <summary>Receives more bytes after the unconsumed ones; false at end of stream.</summary>
    private bool Fill(Socket socket)
    {
        if (_start > 0)
        {
            int unconsumed = _end - _start;
            _buffer.AsSpan(_start, unconsumed).CopyTo(_buffer);
            _start = 0;
            _end = unconsumed;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= Http1ResponseParser.MaxHeadBytes * 2)
            {
                throw new HttpProtocolException("The response head does not end within the size limit.");
            }
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        int received = socket.Receive(_buffer.AsSpan(_end));
        _end += received;
        return received > 0;
    }

    private void Abort()
    {
        Socket? socket = Volatile.Read(ref _socket);
        if (socket is null)
        {
            return;
        }
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The socket is already closed or broken: the blocked call has returned or will fail, which is all
            // aborting is for.
        }
    }

    private void Drop()
    {
        Socket? socket = Interlocked.Exchange(ref _socket, null);
        _start = _end = 0;
        socket?.Dispose();
    }

    private static bool IsUnreserved(string value)
    {
        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
            {
                return false;
            }
        }
        return value.Length > 0;
    }

    private enum Phase
    {
        Head,
        Length,
        Chunked,
        UntilClose,
    }
}
