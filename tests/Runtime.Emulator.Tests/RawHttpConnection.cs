using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator.Tests;

/// <summary>One raw HTTP/1.1 connection: exact bytes out, exact header names in, and visible connection drops.</summary>
internal sealed class RawHttpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawHttpConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
    }

    public static async Task<RawHttpConnection> ConnectAsync(int port, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        return new RawHttpConnection(socket);
    }

    public Task SendAsync(string method, string path, IEnumerable<KeyValuePair<string, string>>? headers = null, byte[]? body = null, CancellationToken cancellationToken = default)
    {
        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        bool chunked = false;
        if (headers is not null)
        {
            foreach (KeyValuePair<string, string> header in headers)
            {
                chunked |= header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase);
                head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            }
        }

        if (body is not null && !chunked)
        {
            head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("\r\n");
        return SendRawAsync(Combine(Encoding.ASCII.GetBytes(head.ToString()), body ?? Array.Empty<byte>()), cancellationToken);
    }

    public async Task SendRawAsync(byte[] bytes, CancellationToken cancellationToken = default)
    {
        await _stream.WriteAsync(bytes, cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>Reads one response (Content-Length framed); null when the server closed the connection before any byte.</summary>
    public async Task<RawHttpResponse?> ReadResponseAsync(CancellationToken cancellationToken = default)
    {
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd()) < 0)
        {
            if (!await FillAsync(cancellationToken))
            {
                if (_end == _start)
                {
                    return null;
                }

                throw new IOException("Connection closed inside a response head.");
            }
        }

        string head = Encoding.UTF8.GetString(_buffer, _start, headerEnd - _start);
        _start = headerEnd + 4;
        string[] lines = head.Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>();
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(lines[i][..colon], lines[i][(colon + 1)..].Trim()));
        }

        var response = new RawHttpResponse(status, headers, Array.Empty<byte>());
        int length = int.Parse(response.Header("Content-Length") ?? "0", CultureInfo.InvariantCulture);
        byte[] body = new byte[length];
        int copied = 0;
        while (copied < length)
        {
            if (_end == _start && !await FillAsync(cancellationToken))
            {
                throw new IOException("Connection closed inside a response body.");
            }

            int take = Math.Min(length - copied, _end - _start);
            Buffer.BlockCopy(_buffer, _start, body, copied, take);
            _start += take;
            copied += take;
        }

        return new RawHttpResponse(status, headers, body);
    }

    /// <summary>True when the server closed or reset the connection without sending a single byte.</summary>
    public async Task<bool> ClosedWithoutResponseAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return _end == _start && !await FillAsync(cancellationToken);
        }
        catch (IOException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            // A reset is how an aborted connection may look from here; it carried no response either.
            return _end == _start;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        return read > 0;
    }

    private int IndexOfHeaderEnd()
    {
        ReadOnlySpan<byte> window = _buffer.AsSpan(_start, _end - _start);
        int index = window.IndexOf("\r\n\r\n"u8);
        return index < 0 ? -1 : _start + index;
    }

    private static byte[] Combine(byte[] first, byte[] second)
    {
        byte[] all = new byte[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
