using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>Response parsing: status line, headers, Content-Length / chunked / close-delimited bodies, interim 1xx.</summary>
internal sealed partial class WireConnection
{
    /// <summary>
    /// Reads one final response. Throws <see cref="IOException"/> when the connection ends early and
    /// <see cref="InvalidDataException"/> when the bytes are not HTTP/1.x.
    /// </summary>
    public async Task<ParsedResponse> ReadResponseAsync(bool headRequest, CancellationToken cancellationToken = default)
    {
        var raw = new ArrayBufferWriter<byte>(512);
        while (true)
        {
            string head = await ReadHeadAsync(raw, cancellationToken).ConfigureAwait(false);
            string[] lines = head.Split("\r\n");
            (string version, int status, string reason) = ParseStatusLine(lines[0]);
            List<KeyValuePair<string, string>> headers = ParseFields(lines, 1, lines.Length);

            // Interim responses (100 Continue, 103 Early Hints) precede the real one; 101 would switch protocols.
            if (status is >= 100 and < 200 && status != 101)
            {
                continue;
            }

            string? connection = HeaderLookup.First(headers, "Connection");
            bool close = connection is not null && HasToken(connection, "close");
            bool keepAlive = version == "HTTP/1.1" ? !close : connection is not null && HasToken(connection, "keep-alive");
            var trailers = new List<KeyValuePair<string, string>>();
            byte[] body;
            bool chunked = false;
            string? transferEncoding = HeaderLookup.First(headers, "Transfer-Encoding");
            string? contentLength = HeaderLookup.First(headers, "Content-Length");
            if (headRequest || status is 204 or 304 || status < 200)
            {
                body = Array.Empty<byte>();
            }
            else if (transferEncoding is not null && HasToken(transferEncoding, "chunked"))
            {
                chunked = true;
                body = await ReadChunkedAsync(raw, trailers, cancellationToken).ConfigureAwait(false);
            }
            else if (contentLength is not null)
            {
                if (!long.TryParse(contentLength, NumberStyles.None, CultureInfo.InvariantCulture, out long length)
                    || length > Array.MaxLength
                    || HeaderLookup.Count(headers, "Content-Length") > 1)
                {
                    throw new InvalidDataException($"Invalid Content-Length '{contentLength}'.");
                }

                body = new byte[length];
                await ReadExactAsync(body, raw, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // No framing: the body runs to the end of the connection, which then cannot be reused.
                body = await ReadToEndAsync(raw, cancellationToken).ConfigureAwait(false);
                keepAlive = false;
            }

            return new ParsedResponse(version, status, reason, headers, body, chunked, trailers, raw.WrittenSpan.ToArray(), keepAlive);
        }
    }

    private async Task<string> ReadHeadAsync(ArrayBufferWriter<byte> raw, CancellationToken cancellationToken)
    {
        int scanned = 0;
        while (true)
        {
            int index = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf("\r\n\r\n"u8);
            if (index >= 0)
            {
                int length = scanned + index + 4;
                string head = Encoding.UTF8.GetString(_buffer, _start, length - 4);
                Consume(raw, length);
                return head;
            }

            scanned = Math.Max(0, _end - _start - 3);
            if (_end - _start > MaxHeadBytes)
            {
                throw new InvalidDataException("Response head larger than 1 MiB.");
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new IOException(raw.WrittenCount == 0 && _end == _start
                    ? "The server closed the connection before sending a response."
                    : "The server closed the connection inside a response head.");
            }
        }
    }

    private async Task<string> ReadLineAsync(ArrayBufferWriter<byte> raw, CancellationToken cancellationToken)
    {
        while (true)
        {
            int index = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (index >= 0)
            {
                string line = Encoding.ASCII.GetString(_buffer, _start, index);
                Consume(raw, index + 2);
                return line;
            }

            if (_end - _start > MaxHeadBytes)
            {
                throw new InvalidDataException("Chunk line longer than 1 MiB.");
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new IOException("The server closed the connection inside a chunked body.");
            }
        }
    }

    private async Task<byte[]> ReadChunkedAsync(ArrayBufferWriter<byte> raw, List<KeyValuePair<string, string>> trailers, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            string sizeLine = await ReadLineAsync(raw, cancellationToken).ConfigureAwait(false);
            int semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
            string hex = (semicolon >= 0 ? sizeLine[..semicolon] : sizeLine).Trim();
            if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int size) || size < 0)
            {
                throw new InvalidDataException($"Invalid chunk size line '{sizeLine}'.");
            }

            if (size == 0)
            {
                while (true)
                {
                    string trailer = await ReadLineAsync(raw, cancellationToken).ConfigureAwait(false);
                    if (trailer.Length == 0)
                    {
                        return body.WrittenSpan.ToArray();
                    }

                    trailers.AddRange(ParseFields(new[] { trailer }, 0, 1));
                }
            }

            Memory<byte> target = body.GetMemory(size)[..size];
            await ReadExactAsync(target, raw, cancellationToken).ConfigureAwait(false);
            body.Advance(size);
            if (await ReadLineAsync(raw, cancellationToken).ConfigureAwait(false) is { Length: > 0 } junk)
            {
                throw new InvalidDataException($"Chunk data not followed by CRLF ('{junk}').");
            }
        }
    }

    private async Task ReadExactAsync(Memory<byte> target, ArrayBufferWriter<byte> raw, CancellationToken cancellationToken)
    {
        int copied = 0;
        while (copied < target.Length)
        {
            if (_end == _start && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new IOException("The server closed the connection inside a response body.");
            }

            int take = Math.Min(target.Length - copied, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(target.Span[copied..]);
            Consume(raw, take);
            copied += take;
        }
    }

    private async Task<byte[]> ReadToEndAsync(ArrayBufferWriter<byte> raw, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            if (_end > _start)
            {
                body.Write(_buffer.AsSpan(_start, _end - _start));
                Consume(raw, _end - _start);
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return body.WrittenSpan.ToArray();
            }
        }
    }

    private void Consume(ArrayBufferWriter<byte> raw, int count)
    {
        raw.Write(_buffer.AsSpan(_start, count));
        _start += count;
    }

    private static (string Version, int Status, string Reason) ParseStatusLine(string line)
    {
        // HTTP-version SP status-code SP [reason-phrase]
        if (line.Length < 12 || !line.StartsWith("HTTP/1.", StringComparison.Ordinal) || line[8] != ' '
            || !int.TryParse(line.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out int status)
            || (line.Length > 12 && line[12] != ' '))
        {
            throw new InvalidDataException($"Invalid status line '{line}'.");
        }

        return (line[..8], status, line.Length > 13 ? line[13..] : string.Empty);
    }

    private static List<KeyValuePair<string, string>> ParseFields(string[] lines, int from, int to)
    {
        var fields = new List<KeyValuePair<string, string>>(to - from);
        for (int i = from; i < to; i++)
        {
            string line = lines[i];
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.AsSpan(0, colon).IndexOfAny(" \t") >= 0)
            {
                throw new InvalidDataException($"Invalid header line '{line}'.");
            }

            fields.Add(new KeyValuePair<string, string>(line[..colon], line[(colon + 1)..].Trim(' ', '\t')));
        }

        return fields;
    }

    private static bool HasToken(string value, string token)
    {
        foreach (string part in value.Split(','))
        {
            if (part.Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
