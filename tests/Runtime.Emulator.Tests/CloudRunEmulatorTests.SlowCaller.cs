using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

/// <summary>The caller's slow-sender and slow-reader fault modes, exercised through Cloud Run against a raw socket.</summary>
public sealed partial class CloudRunEmulatorTests
{
    [Fact]
    public async Task Send_SlowSender_WritesTheRequestInPiecesWithPausesAndItArrivesIntact()
    {
        var caller = new CallerOptions { SendPieceBytes = 8, SendPause = TimeSpan.FromMilliseconds(4) };
        await using var run = new CloudRunEmulator(new CloudRunEmulatorOptions { Caller = caller });
        using Socket listener = Listen(run.Port);
        Task<(byte[] Request, int Receives)> serve = Task.Run(async () =>
        {
            using Socket socket = await listener.AcceptAsync();
            (byte[] request, int receives) = await ReceiveRequestAsync(socket);
            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), SocketFlags.None);
            return (request, receives);
        });
        byte[] body = Encoding.UTF8.GetBytes("{\"n\":1,\"pad\":\"0123456789\"}");

        long started = Stopwatch.GetTimestamp();
        ReceivedResponse response = await run.SendAsync("POST", "/slow", body: body).WaitAsync(Some.Patience);
        TimeSpan took = Stopwatch.GetElapsedTime(started);
        (byte[] received, int receives) = await serve.WaitAsync(Some.Patience);

        Assert.Equal("ok", response.BodyText);
        Assert.Equal(response.Request.RawBytes, received);
        int pieces = (received.Length + 7) / 8;
        // The pauses run one after another, so the request cannot have gone out faster than their sum (half of it here,
        // for timer slack); and it did not arrive in one read.
        Assert.True(took >= (pieces - 1) * caller.SendPause / 2, $"{pieces} pieces written in {took.TotalMilliseconds} ms");
        Assert.True(receives > 1, $"the {received.Length}-byte request arrived in {receives} read(s)");
    }

    [Fact]
    public async Task Send_SlowReader_ReadsALargeAnswerIntactWhileTheServersSendWaits()
    {
        var caller = new CallerOptions { ReadPieceBytes = 16 * 1024, ReadPause = TimeSpan.FromMilliseconds(4) };
        await using var run = new CloudRunEmulator(new CloudRunEmulatorOptions { Caller = caller });
        byte[] body = new byte[4 * 1024 * 1024];
        for (int i = 0; i < body.Length; i++)
        {
            // Not one repeated byte: a piece lost, repeated or out of order changes the body.
            body[i] = (byte)('a' + (i / 7 % 26));
        }
        using Socket listener = Listen(run.Port);
        Task<TimeSpan> serve = Task.Run(async () =>
        {
            using Socket socket = await listener.AcceptAsync();
            await ReceiveRequestAsync(socket);
            byte[] head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n");
            long sending = Stopwatch.GetTimestamp();
            await socket.SendAsync(new[] { new ArraySegment<byte>(head), new ArraySegment<byte>(body) }, SocketFlags.None);
            return Stopwatch.GetElapsedTime(sending);
        });

        ReceivedResponse response = await run.SendAsync("GET", "/large").WaitAsync(Some.Patience);
        TimeSpan sendTook = await serve.WaitAsync(Some.Patience);

        Assert.Equal(body, response.Body);
        // 4 MiB cannot sit in the two kernels' buffers while the reader's window is 16 KiB: the server's send had to wait
        // for reads, each after a 4 ms pause. 100 ms is about 25 of the 256 reads.
        Assert.True(sendTook >= TimeSpan.FromMilliseconds(100), $"the server's send of 4 MiB finished in {sendTook.TotalMilliseconds} ms");
    }

    private static Socket Listen(int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(1);
        return listener;
    }

    /// <summary>Reads one request (head and Content-Length body); returns its bytes and how many reads it took.</summary>
    private static async Task<(byte[] Request, int Receives)> ReceiveRequestAsync(Socket socket)
    {
        var request = new System.IO.MemoryStream();
        byte[] buffer = new byte[64 * 1024];
        int receives = 0;
        while (true)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None);
            if (read == 0)
            {
                throw new System.IO.IOException("The caller closed before the request was whole.");
            }
            receives++;
            request.Write(buffer, 0, read);
            string text = Encoding.ASCII.GetString(request.GetBuffer(), 0, (int)request.Length);
            int headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headEnd < 0)
            {
                continue;
            }
            int length = 0;
            foreach (string line in text[..headEnd].Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            if (request.Length >= headEnd + 4 + length)
            {
                return (request.ToArray(), receives);
            }
        }
    }
}
