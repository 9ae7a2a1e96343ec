using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Runtime.Floor;

/// <summary>
/// One keep-alive HTTP/1.1 client connection to a runtime API, on a blocking socket with NoDelay: send a request,
/// read the response head (however many reads it takes) and its Content-Length body. Header names are matched
/// case-insensitively; only the few the floor needs are looked at. The response (head, ids, body) stays in the receive
/// buffer until the next <see cref="ReadResponse"/>; requests are written to a second buffer and sent with one call.
/// </summary>
internal sealed class RuntimeApiConnection
{
    private const int InitialBufferBytes = 16 * 1024;
    private const int MaxHeadBytes = 1024 * 1024;

    private readonly EndPoint _endPoint;
    private readonly byte[] _idHeader;
    private readonly byte[] _invocationIdHeader;
    private Socket _socket;
    private byte[] _in = new byte[InitialBufferBytes];
    private byte[] _out = new byte[InitialBufferBytes];
    private int _filled;
    private int _consumed;
    private int _written;
    private int _bodyStart;
    private int _bodyLength;
    private int _idStart;
    private int _idLength;
    private int _invocationIdStart;
    private int _invocationIdLength;
    private bool _closeAfterResponse;

    /// <param name="authority"><c>host:port</c> of the runtime API.</param>
    /// <param name="idHeader">Response header holding the request id (empty: not looked for).</param>
    /// <param name="invocationIdHeader">Response header holding the per-attempt invocation id (empty: not looked for).</param>
    public RuntimeApiConnection(string authority, ReadOnlySpan<byte> idHeader, ReadOnlySpan<byte> invocationIdHeader)
    {
        _endPoint = ParseEndPoint(authority);
        _idHeader = idHeader.ToArray();
        _invocationIdHeader = invocationIdHeader.ToArray();
        _socket = Connect(_endPoint);
    }

    /// <summary>Status code of the last response.</summary>
    public int StatusCode { get; private set; }

    /// <summary>Body of the last response.</summary>
    public ReadOnlySpan<byte> Body => _in.AsSpan(_bodyStart, _bodyLength);

    /// <summary>Value of the request id header in the last response (empty when absent).</summary>
    public ReadOnlySpan<byte> RequestId => _in.AsSpan(_idStart, _idLength);

    /// <summary>Value of the invocation id header in the last response (empty when absent).</summary>
    public ReadOnlySpan<byte> InvocationId => _in.AsSpan(_invocationIdStart, _invocationIdLength);

    /// <summary>Sends a complete request given as bytes.</summary>
    public void Send(ReadOnlySpan<byte> request)
    {
        if (_closeAfterResponse)
        {
            // The server said it closes the connection after its last response: open a new one for this request.
            _socket.Dispose();
            _socket = Connect(_endPoint);
            _filled = 0;
            _consumed = 0;
            _closeAfterResponse = false;
        }

        while (!request.IsEmpty)
        {
            request = request[_socket.Send(request)..];
        }
    }

    /// <summary>Appends bytes to the request being built.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureOut(bytes.Length);
        bytes.CopyTo(_out.AsSpan(_written));
        _written += bytes.Length;
    }

    /// <summary>Ends the head with <c>Content-Length</c> and the blank line, then appends <paramref name="body"/>.</summary>
    public void AppendBody(ReadOnlySpan<byte> body)
    {
        Append("Content-Length: "u8);
        EnsureOut(16);
        body.Length.TryFormat(_out.AsSpan(_written), out int digits);
        _written += digits;
        Append("\r\n\r\n"u8);
        Append(body);
    }

    /// <summary>Sends the request built with <see cref="Append"/> and <see cref="AppendBody"/>.</summary>
    public void SendAppended()
    {
        Send(_out.AsSpan(0, _written));
        _written = 0;
    }

    /// <summary>Reads one response: the head, then exactly Content-Length body bytes.</summary>
    public void ReadResponse()
    {
        // The previous response is done with. Bytes after it (none unless the server misbehaves) move to the front.
        int leftover = _filled - _consumed;
        if (leftover > 0 && _consumed > 0)
        {
            Buffer.BlockCopy(_in, _consumed, _in, 0, leftover);
        }

        _filled = leftover;
        _consumed = 0;

        // The head may arrive in several reads: search only what is new (minus 3 bytes a terminator may straddle).
        int searched = 0;
        int headEnd;
        while (true)
        {
            int found = _in.AsSpan(searched, _filled - searched).IndexOf("\r\n\r\n"u8);
            if (found >= 0)
            {
                headEnd = searched + found + 4;
                break;
            }

            if (_filled >= MaxHeadBytes)
            {
                throw new InvalidDataException("floor: response head larger than 1 MiB");
            }

            searched = Math.Max(0, _filled - 3);
            Receive();
        }

        long contentLength = ParseHead(headEnd);
        if (contentLength > Array.MaxLength - headEnd)
        {
            throw new InvalidDataException("floor: response body too large");
        }

        int end = headEnd + (int)contentLength;
        while (_filled < end)
        {
            if (_in.Length < end)
            {
                Array.Resize(ref _in, Math.Max(end, _in.Length * 2));
            }

            Receive();
        }

        _bodyStart = headEnd;
        _bodyLength = (int)contentLength;
        _consumed = end;
    }

    /// <summary>Throws unless the last status was <paramref name="status"/>.</summary>
    public void ExpectStatus(int status, string what)
    {
        if (StatusCode != status)
        {
            throw new InvalidDataException("floor: " + what + " answered " + StatusCode + ": " + Encoding.UTF8.GetString(Body));
        }
    }

    /// <summary>Throws unless the last status was 2xx.</summary>
    public void ExpectSuccess(string what)
    {
        if (StatusCode is < 200 or > 299)
        {
            throw new InvalidDataException("floor: " + what + " answered " + StatusCode + ": " + Encoding.UTF8.GetString(Body));
        }
    }

    /// <summary>Parses the status line and the headers the floor needs; returns the body length.</summary>
    private long ParseHead(int headEnd)
    {
        ReadOnlySpan<byte> buffer = _in;
        int lineEnd = buffer[..headEnd].IndexOf("\r\n"u8);
        ReadOnlySpan<byte> statusLine = buffer[..lineEnd];
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || statusLine[8] != ' '
            || !IsDigit(statusLine[9]) || !IsDigit(statusLine[10]) || !IsDigit(statusLine[11]))
        {
            throw new InvalidDataException("floor: malformed status line");
        }

        StatusCode = ((statusLine[9] - '0') * 100) + ((statusLine[10] - '0') * 10) + (statusLine[11] - '0');

        // HTTP/1.0 closes after the response unless it says keep-alive; the runtime APIs answer 1.1 anyway.
        _closeAfterResponse = statusLine[7] == '0';
        _idStart = _idLength = _invocationIdStart = _invocationIdLength = 0;
        long contentLength = -1;

        int position = lineEnd + 2;
        while (position < headEnd - 2)
        {
            lineEnd = position + buffer[position..headEnd].IndexOf("\r\n"u8);
            ReadOnlySpan<byte> line = buffer[position..lineEnd];
            int colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw new InvalidDataException("floor: malformed header line");
            }

            ReadOnlySpan<byte> name = line[..colon];
            int valueStart = colon + 1;
            int valueEnd = line.Length;
            while (valueStart < valueEnd && line[valueStart] is (byte)' ' or (byte)'\t')
            {
                valueStart++;
            }

            while (valueEnd > valueStart && line[valueEnd - 1] is (byte)' ' or (byte)'\t')
            {
                valueEnd--;
            }

            ReadOnlySpan<byte> value = line[valueStart..valueEnd];
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                contentLength = ParseLength(value);
            }
            else if (_idHeader.Length > 0 && Ascii.EqualsIgnoreCase(name, _idHeader))
            {
                _idStart = position + valueStart;
                _idLength = value.Length;
            }
            else if (_invocationIdHeader.Length > 0 && Ascii.EqualsIgnoreCase(name, _invocationIdHeader))
            {
                _invocationIdStart = position + valueStart;
                _invocationIdLength = value.Length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                _closeAfterResponse = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // The runtime APIs send Content-Length; a chunked body is not something the floor reads.
                throw new NotSupportedException("floor: Transfer-Encoding in a runtime API response");
            }

            position = lineEnd + 2;
        }

        if (contentLength >= 0)
        {
            return contentLength;
        }

        // No Content-Length: only a response that never has a body can be read on a kept-alive connection.
        if (StatusCode is 204 or 304 || StatusCode < 200)
        {
            return 0;
        }

        throw new InvalidDataException("floor: response without Content-Length");
    }

    private void Receive()
    {
        if (_filled == _in.Length)
        {
            Array.Resize(ref _in, _in.Length * 2);
        }

        int received = _socket.Receive(_in.AsSpan(_filled));
        if (received == 0)
        {
            throw new IOException("floor: the runtime API closed the connection");
        }

        _filled += received;
    }

    private void EnsureOut(int more)
    {
        if (_written + more > _out.Length)
        {
            Array.Resize(ref _out, Math.Max(_written + more, _out.Length * 2));
        }
    }

    private static long ParseLength(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > 18)
        {
            throw new InvalidDataException("floor: bad Content-Length");
        }

        long length = 0;
        foreach (byte b in value)
        {
            if (!IsDigit(b))
            {
                throw new InvalidDataException("floor: bad Content-Length");
            }

            length = (length * 10) + (b - '0');
        }

        return length;
    }

    private static bool IsDigit(byte b) => b >= '0' && b <= '9';

    private static Socket Connect(EndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(endPoint);
        return socket;
    }

    /// <summary><c>127.0.0.1:9001</c>, <c>[::1]:9001</c>, or <c>name:9001</c> (resolved once, first address).</summary>
    private static EndPoint ParseEndPoint(string authority)
    {
        if (IPEndPoint.TryParse(authority, out IPEndPoint? literal) && literal.Port != 0)
        {
            return literal;
        }

        int colon = authority.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(authority.AsSpan(colon + 1), out int port) || port is <= 0 or > 65535)
        {
            throw new InvalidOperationException("floor: the runtime API address is not host:port: " + authority);
        }

        return new IPEndPoint(Dns.GetHostAddresses(authority[..colon])[0], port);
    }
}
