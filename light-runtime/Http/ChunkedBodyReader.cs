using System;
using System.Buffers;

namespace Runtime.Light.Http;

/// <summary>
/// Decodes an HTTP/1.1 chunked body incrementally: call <see cref="TryRead"/> with whatever has arrived; it copies
/// chunk data to the output, consumes what it has fully understood, and returns true after the last chunk and
/// its trailer section. Chunk extensions are skipped; trailer fields are read and dropped.
/// </summary>
internal struct ChunkedBodyReader
{
    private const int MaxLineBytes = 4096;

    private State _state;
    private long _remaining;
    private long _total;

    private enum State
    {
        Size,
        Data,
        DataEnd,
        Trailer,
        Done,
    }

    public bool TryRead(ref SequenceReader<byte> reader, IBufferWriter<byte> output, long maxBody)
    {
        while (true)
        {
            switch (_state)
            {
                case State.Size:
                    if (!TryReadLine(ref reader, out ReadOnlySequence<byte> sizeLine))
                    {
                        return false;
                    }
                    _remaining = ParseSize(sizeLine);
                    _total += _remaining;
                    if (_total > maxBody)
                    {
                        throw new HttpProtocolException($"The response body is larger than {maxBody} bytes.");
                    }
                    _state = _remaining == 0 ? State.Trailer : State.Data;
                    break;
                case State.Data:
                    if (reader.End)
                    {
                        return false;
                    }
                    long take = Math.Min(_remaining, reader.Remaining);
                    ReadOnlySequence<byte> data = reader.UnreadSequence.Slice(0, take);
                    foreach (ReadOnlyMemory<byte> segment in data)
                    {
                        output.Write(segment.Span);
                    }
                    reader.Advance(take);
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        _state = State.DataEnd;
                    }
                    break;
                case State.DataEnd:
                    if (reader.Remaining < 2)
                    {
                        return false;
                    }
                    if (!reader.IsNext("\r\n"u8, advancePast: true))
                    {
                        throw new HttpProtocolException("A chunk's data is not followed by CRLF.");
                    }
                    _state = State.Size;
                    break;
                case State.Trailer:
                    if (!TryReadLine(ref reader, out ReadOnlySequence<byte> trailer))
                    {
                        return false;
                    }
                    if (trailer.IsEmpty)
                    {
                        _state = State.Done;
                        return true;
                    }
                    break;
                default:
                    return true;
            }
        }
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line)
    {
        if (reader.TryReadTo(out line, "\r\n"u8, advancePastDelimiter: true))
        {
            if (line.Length > MaxLineBytes)
            {
                throw new HttpProtocolException("A chunk-size or trailer line is too long.");
            }
            return true;
        }
        if (reader.Remaining > MaxLineBytes)
        {
            throw new HttpProtocolException("A chunk-size or trailer line is too long.");
        }
        return false;
    }

    private static long ParseSize(ReadOnlySequence<byte> line)
    {
        Span<byte> buffer = stackalloc byte[(int)Math.Min(line.Length, 64)];
        line.Slice(0, buffer.Length).CopyTo(buffer);
        long size = 0;
        int digits = 0;
        foreach (byte c in buffer)
        {
            int value = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                if (c == (byte)';' || c == (byte)' ' || c == (byte)'\t')
                {
                    break; // chunk extension or whitespace before it
                }
                throw new HttpProtocolException("A chunk size is not hexadecimal.");
            }
            if (++digits > 15)
            {
                throw new HttpProtocolException("A chunk size is too large.");
            }
            size = size * 16 + value;
        }
        if (digits == 0)
        {
            throw new HttpProtocolException("A chunk size is missing.");
        }
        return size;
    }
}
