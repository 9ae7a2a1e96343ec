using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>
/// A deliberately plain HTTP/1.1 client over a socket, written independently of the product's parsers: it sends
/// exactly the bytes a test gives and reads responses strictly by Content-Length. Every read has an upper bound.
/// </summary>
internal sealed class RawClient : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    private RawClient(Socket socket)
    {
        _socket = socket;
    }

    public static async Task<RawClient> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(Wait);
            await socket.ConnectAsync(endPoint, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new RawClient(socket);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Wait);
        int sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, timeout.Token);
        }
    }

    /// <summary>Sends one byte per send call (Nagle is off, so most arrive as separate segments).</summary>
    public async Task SendBytewiseAsync(string text)
    {
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            await SendAsync(new[] { b });
        }
    }

    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Reads one response (an interim 1xx too); a HEAD response or 204/304 has no body whatever its headers say.</summary>
    public async Task<RawResponse> ReadResponseAsync(bool noBody = false)
    {
        using var timeout = new CancellationTokenSource(Wait);
        int headEnd;
        while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (!await FillAsync(timeout.Token))
            {
                throw new InvalidOperationException("The connection closed before a response head (" + (_end - _start) + " bytes buffered).");
            }
        }
        string head = Encoding.UTF8.GetString(_buffer, _start, headEnd);
        _start += headEnd + 4;
        string[] lines = head.Split("\r\n");
        string statusLine = lines[0];
        if (!statusLine.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || statusLine.Length < 13 || statusLine[12] != ' ')
        {
            throw new InvalidOperationException("Malformed status line: " + statusLine);
        }
        int status = int.Parse(statusLine.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>();
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':');
            if (colon <= 0)
            {
                throw new InvalidOperationException("Malformed header line: " + lines[i]);
            }
            headers.Add(new KeyValuePair<string, string>(lines[i][..colon], lines[i][(colon + 1)..].Trim()));
        }
        var response = new RawResponse(status, statusLine, headers, Array.Empty<byte>());
        if (status < 200 || noBody || status is 204 or 304)
        {
            return response;
        }
        string? length = response.Get("Content-Length");
        if (length is null || response.Count("Content-Length") != 1 || response.Get("Transfer-Encoding") is not null)
        {
            throw new InvalidOperationException("The response is not framed by exactly one Content-Length.");
        }
        int bodyLength = int.Parse(length, NumberStyles.None, CultureInfo.InvariantCulture);
        while (_end - _start < bodyLength)
        {
            if (!await FillAsync(timeout.Token))
            {
                throw new InvalidOperationException("The connection closed in the middle of a response body.");
            }
        }
        byte[] body = _buffer.AsSpan(_start, bodyLength).ToArray();
        _start += bodyLength;
        return new RawResponse(status, statusLine, headers, body);
    }

    /// <summary>True when the server closes the connection (end of stream or reset) with nothing more to read.</summary>
    public async Task<bool> ClosedByServerAsync()
    {
        if (_end > _start)
        {
            return false;
        }
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            return !await FillAsync(timeout.Token);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
    }

    /// <summary>Bytes received but not yet read as a response.</summary>
    public int Buffered => _end - _start;

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return default;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
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
        int received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        _end += received;
        return received > 0;
    }
}
