using System;
using System.Net.Sockets;
using System.Text;

namespace Runtime.Floor;

/// <summary>
/// One accepted connection of the server floor, served on its own thread with blocking calls: read a request (head,
/// then a Content-Length or chunked body), answer 200 with the body (see <see cref="EchoMode"/>), and go on while the
/// connection is kept alive (HTTP/1.1 unless <c>Connection: close</c>; HTTP/1.0 only with <c>keep-alive</c>). Requests
/// that arrive pipelined stay in the buffer for the next turn. <c>Expect: 100-continue</c> gets its interim answer.
/// A malformed request gets an error status and the connection closes. Nothing else: no Date header, no timeouts, no
/// limits beyond the buffer bounds.
/// </summary>
internal sealed class EchoConnection
{
    private const int InitialBufferBytes = 16 * 1024;
    private const int MaxHeadBytes = 64 * 1024;
    private const int MaxBodyBytes = 32 * 1024 * 1024;
    private const int MaxChunkLineBytes = 4 * 1024;

    // Raw chunked bytes stay in the buffer until the request is done: the decoded body plus at most this much framing.
    private const int MaxBufferBytes = MaxHeadBytes + (2 * MaxBodyBytes);

    private static readonly byte[] s_azureEnvelope = """{"Outputs":{},"Logs":[],"ReturnValue":null}"""u8.ToArray();

    private readonly Socket _socket;
    private readonly EchoMode _mode;
    private byte[] _in = new byte[InitialBufferBytes];
    private byte[] _out = new byte[InitialBufferBytes];
    private int _filled;
    private int _next;
    private int _written;

    public EchoConnection(Socket socket, EchoMode mode)
    {
        _socket = socket;
        _mode = mode;
    }

    /// <summary>Serves requests until the caller closes the connection, asks to close it, or sends a malformed request.</summary>
    public void Run()
    {
        try
        {
            try
            {
                while (ServeOne())
                {
                }
            }
            catch (RequestRejectedException ex)
            {
                Reject(ex.Status);
            }
        }
        catch (SocketException ex)
        {
            // The caller reset or broke this connection: it alone is over; the listener and other connections go on.
            Console.Error.WriteLine("floor: connection ended: " + ex.Message);
        }
        finally
        {
            _socket.Dispose();
        }
    }

    /// <summary>Reads and answers one request; false when the connection is over.</summary>
    private bool ServeOne()
    {
        // Whatever followed the previous request (a pipelined one) moves to the front.
        if (_next > 0)
        {
            Buffer.BlockCopy(_in, _next, _in, 0, _filled - _next);
            _filled -= _next;
            _next = 0;
        }

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
                throw new RequestRejectedException(431, "request head too large");
            }

            searched = Math.Max(0, _filled - 3);
            if (!Receive())
            {
                // End of stream: between requests the caller closed its kept-alive connection (the normal end), or
                // it gave up inside a head, which leaves nothing to answer either.
                return false;
            }
        }

        RequestHead head = ParseHead(headEnd);
        if (head.ExpectContinue && _filled == headEnd && (head.Chunked || head.ContentLength > 0))
        {
            // The client waits for this before it sends the body.
            SendAll("HTTP/1.1 100 Continue\r\n\r\n"u8);
        }

        int bodyEnd;
        int next;
        if (head.Chunked)
        {
            next = ReadChunkedBody(headEnd, out bodyEnd);
        }
        else
        {
            long length = Math.Max(0, head.ContentLength);
            if (length > MaxBodyBytes)
            {
                throw new RequestRejectedException(413, "request body too large");
            }

            bodyEnd = headEnd + (int)length;
            next = Fill(bodyEnd) ? bodyEnd : -1;
        }

        if (next < 0)
        {
            // The caller closed the connection inside the body: nothing to answer.
            return false;
        }

        ReadOnlySpan<byte> body = _in.AsSpan(headEnd, bodyEnd - headEnd);
        bool json = false;
        if (_mode == EchoMode.Azure && !body.IsEmpty)
        {
            body = s_azureEnvelope;
            json = true;
        }

        Respond(body, head.KeepAlive, head.IsHead, json);
        _next = next;
        return head.KeepAlive;
    }

    private void Respond(ReadOnlySpan<byte> body, bool keepAlive, bool headRequest, bool json)
    {
        _written = 0;
        Append("HTTP/1.1 200 OK\r\nContent-Length: "u8);
        EnsureOut(16);
        body.Length.TryFormat(_out.AsSpan(_written), out int digits);
        _written += digits;
        Append("\r\n"u8);
        if (_mode == EchoMode.Fc)
        {
            Append("x-fc-status: 200\r\n"u8);
        }

        if (json)
        {
            Append("Content-Type: application/json\r\n"u8);
        }

        if (!keepAlive)
        {
            Append("Connection: close\r\n"u8);
        }

        Append("\r\n"u8);
        if (!headRequest)
        {
            Append(body);
        }

        SendAll(_out.AsSpan(0, _written));
    }

    private void Reject(int status)
    {
        ReadOnlySpan<byte> statusLine = status switch
        {
            413 => "HTTP/1.1 413 Content Too Large\r\n"u8,
            431 => "HTTP/1.1 431 Request Header Fields Too Large\r\n"u8,
            501 => "HTTP/1.1 501 Not Implemented\r\n"u8,
            505 => "HTTP/1.1 505 HTTP Version Not Supported\r\n"u8,
            _ => "HTTP/1.1 400 Bad Request\r\n"u8,
        };
        _written = 0;
        Append(statusLine);
        Append("Content-Length: 0\r\nConnection: close\r\n\r\n"u8);
        SendAll(_out.AsSpan(0, _written));
    }

    /// <summary>Request line and the header fields that decide framing and keep-alive (RFC 9112 §3, §6, §9.3).</summary>
    private RequestHead ParseHead(int headEnd)
    {
        ReadOnlySpan<byte> buffer = _in.AsSpan(0, headEnd);
        int lineEnd = buffer.IndexOf("\r\n"u8);
        ReadOnlySpan<byte> requestLine = buffer[..lineEnd];
        int firstSpace = requestLine.IndexOf((byte)' ');
        if (firstSpace <= 0)
        {
            throw new RequestRejectedException(400, "malformed request line");
        }

        ReadOnlySpan<byte> afterMethod = requestLine[(firstSpace + 1)..];
        int secondSpace = afterMethod.IndexOf((byte)' ');
        if (secondSpace <= 0)
        {
            throw new RequestRejectedException(400, "malformed request line");
        }

        ReadOnlySpan<byte> version = afterMethod[(secondSpace + 1)..];
        bool http11 = version.SequenceEqual("HTTP/1.1"u8);
        if (!http11 && !version.SequenceEqual("HTTP/1.0"u8))
        {
            throw new RequestRejectedException(version.StartsWith("HTTP/"u8) ? 505 : 400, "unsupported protocol");
        }

        var head = new RequestHead { IsHead = requestLine[..firstSpace].SequenceEqual("HEAD"u8), ContentLength = -1 };
        bool close = false;
        bool keepAliveToken = false;
        int hosts = 0;
        int position = lineEnd + 2;
        while (position < headEnd - 2)
        {
            lineEnd = position + buffer[position..].IndexOf("\r\n"u8);
            ReadOnlySpan<byte> line = buffer[position..lineEnd];
            position = lineEnd + 2;
            int colon = line.IndexOf((byte)':');

            // No colon, an empty name, whitespace in the name, or a folded line (obsolete, rejected by RFC 9112 §5.2).
            if (colon <= 0 || line[..colon].IndexOfAny((byte)' ', (byte)'\t') >= 0)
            {
                throw new RequestRejectedException(400, "malformed header line");
            }

            ReadOnlySpan<byte> name = line[..colon];
            ReadOnlySpan<byte> value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                long length = ParseContentLength(value);
                if (head.ContentLength >= 0 && head.ContentLength != length)
                {
                    throw new RequestRejectedException(400, "conflicting Content-Length");
                }

                head.ContentLength = length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // Only "chunked" alone: any other coding is one the floor does not decode.
                if (head.Chunked || !Ascii.EqualsIgnoreCase(value, "chunked"u8))
                {
                    throw new RequestRejectedException(501, "unsupported Transfer-Encoding");
                }

                head.Chunked = true;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close |= HasToken(value, "close"u8);
                keepAliveToken |= HasToken(value, "keep-alive"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Expect"u8))
            {
                head.ExpectContinue = http11 && Ascii.EqualsIgnoreCase(value, "100-continue"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Host"u8))
            {
                hosts++;
            }
        }

        // An HTTP/1.1 request has exactly one Host (RFC 9112 §3.2); a body framed both ways is a smuggling attempt (§6.1).
        if ((http11 && hosts != 1) || hosts > 1 || (head.Chunked && head.ContentLength >= 0))
        {
            throw new RequestRejectedException(400, "bad Host or framing");
        }

        head.KeepAlive = http11 ? !close : keepAliveToken && !close;
        return head;
    }

    /// <summary>
    /// Decodes a chunked body in place: the data of each chunk moves down to follow the previous one, so the body ends
    /// up contiguous from <paramref name="start"/>. Returns where the next request starts, or -1 at end of stream.
    /// </summary>
    private int ReadChunkedBody(int start, out int bodyEnd)
    {
        bodyEnd = start;
        int write = start;
        int position = start;
        while (true)
        {
            int lineEnd = FindLineEnd(position);
            if (lineEnd < 0)
            {
                return -1;
            }

            int size = ParseChunkSize(_in.AsSpan(position, lineEnd - position));
            position = lineEnd + 2;
            if (size == 0)
            {
                // The trailer section: fields (ignored) up to an empty line.
                while (true)
                {
                    lineEnd = FindLineEnd(position);
                    if (lineEnd < 0)
                    {
                        return -1;
                    }

                    bool empty = lineEnd == position;
                    position = lineEnd + 2;
                    if (empty)
                    {
                        bodyEnd = write;
                        return position;
                    }
                }
            }

            if (write - start + (long)size > MaxBodyBytes)
            {
                throw new RequestRejectedException(413, "request body too large");
            }

            int dataEnd = position + size;
            if (!Fill(dataEnd + 2))
            {
                return -1;
            }

            if (_in[dataEnd] != '\r' || _in[dataEnd + 1] != '\n')
            {
                throw new RequestRejectedException(400, "chunk data not followed by CRLF");
            }

            // Overlapping ranges are fine: span copies move like memmove.
            _in.AsSpan(position, size).CopyTo(_in.AsSpan(write));
            write += size;
            position = dataEnd + 2;
        }
    }

    /// <summary>Index of the CRLF ending the line at <paramref name="position"/>, reading as needed; -1 at end of stream.</summary>
    private int FindLineEnd(int position)
    {
        int searched = position;
        while (true)
        {
            int found = _in.AsSpan(searched, _filled - searched).IndexOf("\r\n"u8);
            if (found >= 0)
            {
                return searched + found;
            }

            if (_filled - position > MaxChunkLineBytes)
            {
                throw new RequestRejectedException(400, "chunk line too long");
            }

            searched = Math.Max(position, _filled - 1);
            if (!Receive())
            {
                return -1;
            }
        }
    }

    /// <summary>Receives until the buffer holds <paramref name="end"/> bytes; false at end of stream.</summary>
    private bool Fill(int end)
    {
        if (end > MaxBufferBytes)
        {
            throw new RequestRejectedException(413, "request too large");
        }

        if (_in.Length < end)
        {
            Array.Resize(ref _in, Math.Max(end, _in.Length * 2));
        }

        while (_filled < end)
        {
            if (!Receive())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One receive into the free end of the buffer (grown when full); false at end of stream.</summary>
    private bool Receive()
    {
        if (_filled == _in.Length)
        {
            if (_in.Length >= MaxBufferBytes)
            {
                throw new RequestRejectedException(413, "request too large");
            }

            Array.Resize(ref _in, _in.Length * 2);
        }

        int received = _socket.Receive(_in.AsSpan(_filled));
        _filled += received;
        return received > 0;
    }

    private void SendAll(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[_socket.Send(bytes)..];
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureOut(bytes.Length);
        bytes.CopyTo(_out.AsSpan(_written));
        _written += bytes.Length;
    }

    private void EnsureOut(int more)
    {
        if (_written + more > _out.Length)
        {
            Array.Resize(ref _out, Math.Max(_written + more, _out.Length * 2));
        }
    }

    private static long ParseContentLength(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > 18)
        {
            throw new RequestRejectedException(400, "bad Content-Length");
        }

        long length = 0;
        foreach (byte b in value)
        {
            if (b < '0' || b > '9')
            {
                throw new RequestRejectedException(400, "bad Content-Length");
            }

            length = (length * 10) + (b - '0');
        }

        return length;
    }

    /// <summary>chunk-size (hex) [BWS ";" extensions, ignored] (RFC 9112 §7.1).</summary>
    private static int ParseChunkSize(ReadOnlySpan<byte> line)
    {
        int size = 0;
        int digits = 0;
        while (digits < line.Length)
        {
            int nibble = HexValue(line[digits]);
            if (nibble < 0)
            {
                break;
            }

            if (size > (MaxBodyBytes >> 4))
            {
                throw new RequestRejectedException(413, "chunk too large");
            }

            size = (size << 4) | nibble;
            digits++;
        }

        ReadOnlySpan<byte> rest = line[digits..].TrimStart(" \t"u8);
        if (digits == 0 || (!rest.IsEmpty && rest[0] != ';'))
        {
            throw new RequestRejectedException(400, "bad chunk size line");
        }

        return size;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static bool HasToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (Range part in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[part].Trim(" \t"u8), token))
            {
                return true;
            }
        }

        return false;
    }
}
