using System;
using System.Buffers;
using System.Buffers.Text;
using System.Threading;

namespace Runtime.Light.Http.Server;

/// <summary>
/// The <c>Date</c> header line (RFC 9110 §6.6.1: an origin server with a clock must send one), formatted once per
/// second and shared by every connection.
/// </summary>
internal static class HttpDate
{
    private static Line? s_current;

    /// <summary><c>Date: Tue, 25 Nov 2026 08:00:00 GMT\r\n</c> for the current second.</summary>
    public static ReadOnlySpan<byte> HeaderLine
    {
        get
        {
            DateTime now = DateTime.UtcNow;
            long second = now.Ticks / TimeSpan.TicksPerSecond;
            Line? line = Volatile.Read(ref s_current);
            if (line is null || line.Second != second)
            {
                line = new Line(second, Format(now));
                Volatile.Write(ref s_current, line);
            }
            return line.Bytes;
        }
    }

    private static byte[] Format(DateTime now)
    {
        // "Date: " + 29 characters of IMF-fixdate + CRLF
        var bytes = new byte[6 + 29 + 2];
        "Date: "u8.CopyTo(bytes);
        Utf8Formatter.TryFormat(now, bytes.AsSpan(6), out int written, new StandardFormat('R'));
        "\r\n"u8.CopyTo(bytes.AsSpan(6 + written));
        return bytes;
    }

    private sealed class Line
    {
        public Line(long second, byte[] bytes)
        {
            Second = second;
            Bytes = bytes;
        }

        public long Second { get; }

        public byte[] Bytes { get; }
    }
}
