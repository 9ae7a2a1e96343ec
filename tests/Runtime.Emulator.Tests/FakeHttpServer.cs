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

/// <summary>
/// A tiny HTTP/1.1 server on raw sockets playing the bootstrap for the server-model emulators: it records every request
/// byte for byte (header order and case, chunk framing) and answers with whatever <see cref="FakeReply"/> the test picks.
/// </summary>
internal sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly Func<ServerRequest, FakeReply> _reply;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<ServerRequest> _requests = new();
    private readonly List<Task> _connections = new();
    private readonly List<Socket> _sockets = new();
    private readonly TaskCompletionSource<ServerRequest> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _acceptLoop;
    private int _connectionCount;

    private FakeHttpServer(Socket listener, Func<ServerRequest, FakeReply> reply)
    {
        _listener = listener;
        _reply = reply;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (an emulator's free port).</summary>
    public static FakeHttpServer Start(int port, Func<ServerRequest, FakeReply> reply)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(2048);
        return new FakeHttpServer(listener, reply);
    }

    public static FakeHttpServer Start(int port, FakeReply reply) => Start(port, _ => reply);

    public Task<ServerRequest> FirstRequest => _first.Task;

    public int ConnectionsAccepted => Volatile.Read(ref _connectionCount);

    public IReadOnlyList<ServerRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        Task[] connections;
        lock (_gate)
        {
            foreach (Socket socket in _sockets)
            {
                socket.Dispose();
            }

            connections = _connections.ToArray();
        }

        await _acceptLoop.WaitAsync(Some.Patience);
        await Task.WhenAll(connections).WaitAsync(Some.Patience);
        _first.TrySetCanceled();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception exception) when (_stop.IsCancellationRequested && exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The server is being disposed: accepting stops here by design.
                return;
            }

            int id = Interlocked.Increment(ref _connectionCount);
            lock (_gate)
            {
                _sockets.Add(socket);
                _connections.Add(Task.Run(() => ServeAsync(socket, id)));
            }
        }
    }

    private async Task ServeAsync(Socket socket, int connectionId)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = new Reader(stream);
        try
        {
            while (true)
            {
                ServerRequest? request = await reader.ReadRequestAsync(connectionId, _stop.Token);
                if (request is null)
                {
                    return;
                }

                lock (_gate)
                {
                    _requests.Add(request);
                }

                _first.TrySetResult(request);
                FakeReply reply = _reply(request);
                if (reply.HoldUntil is not null)
                {
                    await reply.HoldUntil.WaitAsync(Some.Patience, _stop.Token);
                }

                if (reply.Abort)
                {
                    return;
                }

                if (reply.Raw is not null)
                {
                    await stream.WriteAsync(reply.Raw, _stop.Token);
                    return;
                }

                await stream.WriteAsync(Serialize(reply), _stop.Token);
                if (reply.CloseAfter || string.Equals(request.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
            // The client went away or the server is being disposed: this connection is simply over.
            return;
        }
    }

    private static byte[] Serialize(FakeReply reply)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {reply.Status} {reply.Reason}\r\n");
        foreach (KeyValuePair<string, string> header in reply.Headers)
        {
            head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        using var output = new MemoryStream();
        if (reply.Chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n\r\n");
            output.Write(Encoding.ASCII.GetBytes(head.ToString()));
            int half = reply.Body.Length / 2;
            foreach ((int offset, int length) in new[] { (0, half), (half, reply.Body.Length - half) })
            {
                if (length == 0)
                {
                    continue;
                }

                output.Write(Encoding.ASCII.GetBytes(length.ToString("x", CultureInfo.InvariantCulture) + ";ext=1\r\n"));
                output.Write(reply.Body, offset, length);
                output.Write("\r\n"u8);
            }

            output.Write("0\r\nX-Trailer: done\r\n\r\n"u8);
        }
        else
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {reply.Body.Length}\r\n\r\n");
            output.Write(Encoding.UTF8.GetBytes(head.ToString()));
            output.Write(reply.Body);
        }

        return output.ToArray();
    }

    /// <summary>Reads requests off one connection (Content-Length or chunked bodies).</summary>
    private sealed class Reader
    {
        private readonly NetworkStream _stream;
        private readonly MemoryStream _raw = new();
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public Reader(NetworkStream stream) => _stream = stream;

        public async Task<ServerRequest?> ReadRequestAsync(int connectionId, CancellationToken cancellationToken)
        {
            _raw.SetLength(0);
            int headEnd;
            while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (!await FillAsync(cancellationToken))
                {
                    return null;
                }
            }

            string head = Encoding.UTF8.GetString(_buffer, _start, headEnd);
            Take(headEnd + 4);
            string[] lines = head.Split("\r\n");
            string[] requestLine = lines[0].Split(' ');
            var headers = new List<KeyValuePair<string, string>>();
            for (int i = 1; i < lines.Length; i++)
            {
                // Malformed lines (raw-send tests) are kept whole, so the request is still recorded.
                int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                headers.Add(colon < 0 ? new(lines[i], string.Empty) : new(lines[i][..colon], lines[i][(colon + 1)..].Trim()));
            }

            var body = new MemoryStream();
            string? transferEncoding = Find(headers, "Transfer-Encoding");
            string? contentLength = Find(headers, "Content-Length");
            if (transferEncoding is not null && transferEncoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                while (true)
                {
                    string sizeLine = await ReadLineAsync(cancellationToken);
                    int size = int.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (size == 0)
                    {
                        while ((await ReadLineAsync(cancellationToken)).Length > 0)
                        {
                        }

                        break;
                    }

                    await ReadExactAsync(body, size, cancellationToken);
                    await ReadLineAsync(cancellationToken);
                }
            }
            else if (contentLength is not null)
            {
                await ReadExactAsync(body, int.Parse(contentLength, CultureInfo.InvariantCulture), cancellationToken);
            }

            return new ServerRequest(connectionId, requestLine[0], requestLine[1], headers, body.ToArray(), _raw.ToArray());
        }

        private static string? Find(List<KeyValuePair<string, string>> headers, string name)
        {
            foreach (KeyValuePair<string, string> header in headers)
            {
                if (header.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value;
                }
            }

            return null;
        }

        private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
        {
            int end;
            while ((end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
            {
                if (!await FillAsync(cancellationToken))
                {
                    throw new IOException("Closed inside a chunked body.");
                }
            }

            string line = Encoding.ASCII.GetString(_buffer, _start, end);
            Take(end + 2);
            return line;
        }

        private async Task ReadExactAsync(MemoryStream body, int count, CancellationToken cancellationToken)
        {
            while (count > 0)
            {
                if (_end == _start && !await FillAsync(cancellationToken))
                {
                    throw new IOException("Closed inside a body.");
                }

                int take = Math.Min(count, _end - _start);
                body.Write(_buffer, _start, take);
                Take(take);
                count -= take;
            }
        }

        private void Take(int count)
        {
            _raw.Write(_buffer, _start, count);
            _start += count;
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

            int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _end += read;
            return read > 0;
        }
    }
}
