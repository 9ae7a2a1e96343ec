using System;
using System.Buffers;
using System.Buffers.Text;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;

namespace Runtime.Light.Http;

/// <summary>
/// One keep-alive HTTP/1.1 client connection to the platform's local agent, on a plain socket with a
/// <see cref="PipeReader"/> for responses. No TLS, no proxy, no DNS for IP literals, no timeouts (a long poll may
/// sit frozen for minutes). One request at a time; reconnects on the next request after any failure.
/// Usage: <see cref="StartRequest"/>, then <see cref="AddHeader(ReadOnlySpan{byte}, string)"/> as needed, then <see cref="SendAsync"/>.
/// </summary>
internal sealed class HttpConnection : IAsyncDisposable
{
    private const int InlineBodyLimit = 64 * 1024;

    private readonly EndPoint _endPoint;
    private readonly byte[] _hostLine;
    private readonly PooledBufferWriter _request = new(2048);
    private readonly ResponseHead _head = new();
    private Socket? _socket;
    private NetworkStream? _stream;
    private PipeReader? _reader;

    public HttpConnection(EndPoint endPoint, string authority)
    {
        _endPoint = endPoint;
        _hostLine = Encoding.ASCII.GetBytes("Host: " + authority + "\r\n");
    }

    /// <summary>True while a socket is open (for tests and diagnostics).</summary>
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

    /// <summary>Begins a request whose path is a string (escaped by the caller).</summary>
    public void StartRequest(ReadOnlySpan<byte> method, string path)
    {
        Span<byte> buffer = path.Length <= 512 ? stackalloc byte[path.Length] : new byte[path.Length];
        if (Encoding.ASCII.GetBytes(path, buffer) != path.Length || buffer.IndexOfAny((byte)' ', (byte)'\r', (byte)'\n') >= 0)
        {
            throw new ArgumentException("The request path contains characters that must be escaped.", nameof(path));
        }
        StartRequest(method, buffer);
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
    /// Sends the request started with <see cref="StartRequest(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> and reads the response; the
    /// body goes to <paramref name="responseBody"/>. The returned head is reused by the next call.
    /// Throws <see cref="HttpTransportException"/> when the connection fails, with whether the request was sent.
    /// </summary>
    public async ValueTask<ResponseHead> SendAsync(ReadOnlyMemory<byte> body, bool hasBody, IBufferWriter<byte> responseBody,
        long maxResponseBody, CancellationToken cancellationToken = default)
    {
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

        bool sent = false;
        try
        {
            if (_socket is null)
            {
                await ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            NetworkStream stream = _stream!;
            await stream.WriteAsync(_request.WrittenMemory, cancellationToken).ConfigureAwait(false);
            if (!inline)
            {
                await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            }
            sent = true;
            await ReadResponseAsync(responseBody, maxResponseBody, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DropAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is IOException or SocketException or HttpProtocolException or ObjectDisposedException)
        {
            await DropAsync().ConfigureAwait(false);
            string what = ex is HttpProtocolException ? "answered with a malformed response" : "connection failed";
            throw new HttpTransportException($"HTTP {what} ({_endPoint}): {ex.Message}", sent, ex);
        }
        if (_head.ConnectionClose)
        {
            await DropAsync().ConfigureAwait(false);
        }
        return _head;
    }

    public ValueTask DisposeAsync() => DropAsync();

    private async ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        Socket socket = _endPoint is DnsEndPoint
            ? new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(_endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 4096, leaveOpen: true));
    }

    private async ValueTask ReadResponseAsync(IBufferWriter<byte> responseBody, long maxResponseBody, CancellationToken cancellationToken)
    {
        PipeReader reader = _reader!;
        var phase = Phase.Head;
        long remaining = 0;
        long total = 0;
        var chunked = default(ChunkedBodyReader);
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            var sequence = new SequenceReader<byte>(buffer);
            bool done = false;
            try
            {
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
                        Copy(sequence.UnreadSequence.Slice(0, take), responseBody);
                        sequence.Advance(take);
                        remaining -= take;
                        done = remaining == 0;
                        if (!done)
                        {
                            break;
                        }
                    }
                    else if (phase == Phase.Chunked)
                    {
                        done = chunked.TryRead(ref sequence, responseBody, maxResponseBody);
                        if (!done)
                        {
                            break;
                        }
                    }
                    else
                    {
                        total += sequence.Remaining;
                        if (total > maxResponseBody)
                        {
                            throw new HttpProtocolException($"The response body is larger than {maxResponseBody} bytes.");
                        }
                        Copy(sequence.UnreadSequence, responseBody);
                        sequence.Advance(sequence.Remaining);
                        done = result.IsCompleted;
                        break;
                    }
                }
            }
            finally
            {
                reader.AdvanceTo(sequence.Position, buffer.End);
            }
            if (done)
            {
                return;
            }
            if (result.IsCompleted)
            {
                throw new IOException(phase == Phase.Head
                    ? "The connection closed before a response arrived."
                    : "The connection closed in the middle of the response body.");
            }
        }
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

    private static void Copy(ReadOnlySequence<byte> data, IBufferWriter<byte> output)
    {
        foreach (ReadOnlyMemory<byte> segment in data)
        {
            output.Write(segment.Span);
        }
    }

    private async ValueTask DropAsync()
    {
        PipeReader? reader = _reader;
        NetworkStream? stream = _stream;
        _reader = null;
        _stream = null;
        _socket = null;
        if (reader is not null)
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
        if (stream is not null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private enum Phase
    {
        Head,
        Length,
        Chunked,
        UntilClose,
    }
}
