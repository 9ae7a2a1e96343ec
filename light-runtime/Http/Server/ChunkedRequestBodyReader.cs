using System;
using System.Buffers;

namespace Runtime.Light.Http.Server;

/// <summary>
/// Decodes a chunked request body incrementally and strictly: call <see cref="TryRead"/> with whatever has arrived; it
/// copies chunk data to the output, consumes what it has fully understood, and returns true after the last chunk and
/// the trailer section. Every line must end with CRLF (a bare LF or CR anywhere is rejected: lenient chunk parsing
/// is a request-smuggling vector); chunk extensions are checked for control characters and skipped; trailer fields are
/// checked like header fields and dropped. The sum of the chunk sizes is held to the body limit (413) before any
/// data of an oversized chunk is read, and the trailer section to the header limit (431).
/// The client's <see cref="Http.ChunkedBodyReader"/> is not reused because it reports every problem alike and reads
/// leniently, which suits a trusted local agent's responses but not requests from the network.
/// </summary>
internal struct ChunkedRequestBodyReader
{
    /// <summary>Longest chunk-size line (size and extensions).</summary>
    public const int MaxChunkLineBytes = 4096;

    private State _state;
    private long _remaining;
    private long _total;
    private long _trailerBytes;

    private enum State
    {
        Size,
        Data,
        DataEnd,
        Trailer,
        Done,
    }

    /// <summary>Total of the chunk sizes read so far.</summary>
    public readonly long Total => _total;

    public bool TryRead(ref SequenceReader<byte> reader, IBufferWriter<byte> output, in RequestLimits limits)
    {
        while (true)
        {
            switch (_state)
            {
                case State.Size:
                    bool complete = TryReadLine(ref reader, out ReadOnlySequence<byte> sizeLine);
                    if ((complete ? sizeLine.Length : reader.Remaining - 1) > MaxChunkLineBytes)
                    {
                        throw Http1RequestParser.BadRequest("A chunk-size line is longer than " + MaxChunkLineBytes + " bytes.");
                    }
                    if (!complete)
                    {
                        return false;
                    }
                    _remaining = ParseSizeLine(sizeLine, limits.MaxRequestBodyBytes - _total, limits);
                    _total += _remaining;
                    _state = _remaining == 0 ? State.Trailer : State.Data;
                    break;
                case State.Data:
                    if (reader.End)
                    {
                        return false;
                    }
                    long take = Math.Min(_remaining, reader.Remaining);
                    foreach (ReadOnlyMemory<byte> segment in reader.UnreadSequence.Slice(0, take))
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
                        throw Http1RequestParser.BadRequest("A chunk's data is not followed by CRLF.");
                    }
                    _state = State.Size;
                    break;
                case State.Trailer:
                    bool trailerComplete = TryReadLine(ref reader, out ReadOnlySequence<byte> trailer);
                    if (_trailerBytes + (trailerComplete ? trailer.Length + 2 : reader.Remaining) > limits.MaxRequestHeadersBytes)
                    {
                        throw TrailersTooLarge(limits);
                    }
                    if (!trailerComplete)
                    {
                        return false;
                    }
                    _trailerBytes += trailer.Length + 2;
                    if (trailer.IsEmpty)
                    {
                        _state = State.Done;
                        return true;
                    }
                    CheckTrailerField(trailer);
                    break;
                default:
                    return true;
            }
        }
    }

    /// <summary>Reads a line ending CRLF (returned without it); false, consuming nothing, if no LF yet. Throws on a bare LF.</summary>
    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line)
    {
        SequenceReader<byte> probe = reader;
        if (!probe.TryReadTo(out ReadOnlySequence<byte> withCr, (byte)'\n', advancePastDelimiter: true))
        {
            line = default;
            return false;
        }
        if (withCr.IsEmpty || withCr.Slice(withCr.Length - 1).FirstSpan[0] != (byte)'\r')
        {
            throw Http1RequestParser.BadRequest("A line of the chunked body does not end with CRLF.");
        }
        line = withCr.Slice(0, withCr.Length - 1);
        reader = probe;
        return true;
    }

    /// <summary>chunk-size [ chunk-ext ]: 1*HEXDIG, then nothing or BWS ';' and extensions without control characters.</summary>
    private static long ParseSizeLine(ReadOnlySequence<byte> line, long allowed, in RequestLimits limits)
    {
        // The caller has checked the length (at most MaxChunkLineBytes).
        ReadOnlySpan<byte> span = line.IsSingleSegment ? line.FirstSpan : Copy(line, stackalloc byte[(int)line.Length]);
        long size = 0;
        int i = 0;
        for (; i < span.Length; i++)
        {
            int digit = HexValue(span[i]);
            if (digit < 0)
            {
                break;
            }
            size = size * 16 + digit;
            if (size > allowed)
            {
                throw Http1RequestParser.BodyTooLarge(limits);
            }
        }
        if (i == 0)
        {
            throw Http1RequestParser.BadRequest("A chunk size is missing or not hexadecimal.");
        }
        ReadOnlySpan<byte> rest = span[i..].TrimStart(" \t"u8);
        if (rest.IsEmpty)
        {
            return size;
        }
        if (rest[0] != (byte)';')
        {
            throw Http1RequestParser.BadRequest("A chunk size is not hexadecimal.");
        }
        if (rest.ContainsAny(Http1RequestParser.ControlChars))
        {
            throw Http1RequestParser.BadRequest("A chunk extension contains a control character.");
        }
        return size;
    }

    private static void CheckTrailerField(ReadOnlySequence<byte> line)
    {
        if (line.IsSingleSegment)
        {
            Http1RequestParser.ParseField(line.FirstSpan, out _, out _);
            return;
        }
        byte[] rented = ArrayPool<byte>.Shared.Rent((int)line.Length);
        try
        {
            Http1RequestParser.ParseField(Copy(line, rented), out _, out _);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ReadOnlySpan<byte> Copy(ReadOnlySequence<byte> line, Span<byte> buffer)
    {
        line.CopyTo(buffer);
        return buffer[..(int)line.Length];
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static HttpRequestRejectedException TrailersTooLarge(in RequestLimits limits) =>
        new(431, "The trailer section is larger than " + limits.MaxRequestHeadersBytes + " bytes.");
}
