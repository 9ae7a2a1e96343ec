using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Runtime.Light.Http;

/// <summary>
/// Parses HTTP/1.1 response heads (status line and header fields) strictly: CRLF line ends, token header names,
/// no whitespace before the colon, no obsolete line folding, one consistent framing. Modelled on Kestrel's
/// HttpParser: "incomplete" returns false and consumes nothing; malformed input throws <see cref="HttpProtocolException"/>.
/// </summary>
internal static class Http1ResponseParser
{
    /// <summary>Largest status line plus header section accepted.</summary>
    public const int MaxHeadBytes = 64 * 1024;

    private static readonly SearchValues<byte> s_tokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static readonly SearchValues<byte> s_forbiddenInValue = SearchValues.Create("\r\n\0"u8);

    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    /// <summary>
    /// Reads one response head into <paramref name="head"/> (reset first). False = incomplete, nothing consumed;
    /// true = the reader is past the blank line that ends the head.
    /// </summary>
    public static bool TryParseHead(ref SequenceReader<byte> reader, ResponseHead head)
    {
        SequenceReader<byte> probe = reader;
        if (!probe.TryReadTo(out ReadOnlySequence<byte> section, HeadEnd, advancePastDelimiter: true))
        {
            if (reader.Remaining > MaxHeadBytes)
            {
                throw new HttpProtocolException($"The response head is larger than {MaxHeadBytes} bytes.");
            }
            return false;
        }
        if (section.Length + 4 > MaxHeadBytes)
        {
            throw new HttpProtocolException($"The response head is larger than {MaxHeadBytes} bytes.");
        }
        head.Reset();
        if (section.IsSingleSegment)
        {
            ParseSection(section.FirstSpan, head);
        }
        else
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent((int)section.Length);
            try
            {
                section.CopyTo(rented);
                ParseSection(rented.AsSpan(0, (int)section.Length), head);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        reader = probe;
        return true;
    }

    private static void ParseSection(ReadOnlySpan<byte> section, ResponseHead head)
    {
        int lineEnd = section.IndexOf("\r\n"u8);
        ReadOnlySpan<byte> statusLine = lineEnd < 0 ? section : section[..lineEnd];
        bool http10 = ParseStatusLine(statusLine, head);
        bool sawContentLength = false;
        bool keepAlive = false;
        ReadOnlySpan<byte> rest = lineEnd < 0 ? ReadOnlySpan<byte>.Empty : section[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf("\r\n"u8);
            ReadOnlySpan<byte> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlySpan<byte>.Empty : rest[(end + 2)..];
            ParseHeaderLine(line, head, ref sawContentLength, ref keepAlive);
        }
        if (head.Chunked && sawContentLength)
        {
            throw new HttpProtocolException("The response has both Content-Length and Transfer-Encoding: chunked.");
        }
        if (http10 && !keepAlive)
        {
            head.ConnectionClose = true;
        }
    }

    private static bool ParseStatusLine(ReadOnlySpan<byte> line, ResponseHead head)
    {
        // HTTP-version SP 3DIGIT SP [reason-phrase]
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || (line[7] != (byte)'1' && line[7] != (byte)'0') || line[8] != (byte)' ')
        {
            throw new HttpProtocolException("The response does not start with an HTTP/1.x status line.");
        }
        int status = 0;
        for (int i = 9; i < 12; i++)
        {
            byte digit = line[i];
            if (digit < (byte)'0' || digit > (byte)'9')
            {
                throw new HttpProtocolException("The status code is not three digits.");
            }
            status = status * 10 + (digit - '0');
        }
        if (status < 100 || (line.Length > 12 && line[12] != (byte)' '))
        {
            throw new HttpProtocolException("The status line is malformed.");
        }
        if (line[12..].IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            throw new HttpProtocolException("The status line contains a bare CR or LF.");
        }
        head.StatusCode = status;
        return line[7] == (byte)'0';
    }

    private static void ParseHeaderLine(ReadOnlySpan<byte> line, ResponseHead head, ref bool sawContentLength, ref bool keepAlive)
    {
        if (line.IsEmpty)
        {
            throw new HttpProtocolException("An empty line appeared inside the header section.");
        }
        if (line[0] == (byte)' ' || line[0] == (byte)'\t')
        {
            throw new HttpProtocolException("Obsolete header line folding is not accepted.");
        }
        int colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            throw new HttpProtocolException("A header line has no name or no colon.");
        }
        ReadOnlySpan<byte> name = line[..colon];
        if (name.ContainsAnyExcept(s_tokenChars))
        {
            throw new HttpProtocolException("A header name contains a character that is not allowed (whitespace before the colon?).");
        }
        ReadOnlySpan<byte> value = TrimOws(line[(colon + 1)..]);
        if (value.ContainsAny(s_forbiddenInValue))
        {
            throw new HttpProtocolException("A header value contains CR, LF or NUL.");
        }

        string? headerName = KnownHeaders.Intern(name);
        if (ReferenceEquals(headerName, KnownHeaders.ContentLength))
        {
            if (!Utf8Parser.TryParse(value, out long length, out int consumed) || consumed != value.Length || length < 0 || value.IsEmpty
                || value[0] == (byte)'+' || value[0] == (byte)'-')
            {
                throw new HttpProtocolException("Content-Length is not a non-negative integer.");
            }
            if (sawContentLength && head.ContentLength != length)
            {
                throw new HttpProtocolException("The response has two different Content-Length values.");
            }
            sawContentLength = true;
            head.ContentLength = length;
        }
        else if (ReferenceEquals(headerName, KnownHeaders.TransferEncoding))
        {
            if (!EndsWithChunked(value))
            {
                throw new HttpProtocolException("Only chunked transfer coding is supported.");
            }
            head.Chunked = true;
        }
        else if (ReferenceEquals(headerName, KnownHeaders.Connection))
        {
            if (ContainsToken(value, "close"u8))
            {
                head.ConnectionClose = true;
            }
            if (ContainsToken(value, "keep-alive"u8))
            {
                keepAlive = true;
            }
        }
        else if (KnownHeaders.IsRead(headerName))
        {
            // Only the values the runtime reads become strings; framing headers are parsed above, others dropped.
            head.Add(headerName, value.IsEmpty ? string.Empty : Encoding.Latin1.GetString(value));
        }
    }

    private static bool EndsWithChunked(ReadOnlySpan<byte> value)
    {
        int comma = value.LastIndexOf((byte)',');
        ReadOnlySpan<byte> last = TrimOws(comma < 0 ? value : value[(comma + 1)..]);
        return Ascii.EqualsIgnoreCase(last, "chunked"u8);
    }

    private static bool ContainsToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (Range part in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(TrimOws(value[part]), token))
            {
                return true;
            }
        }
        return false;
    }

    internal static ReadOnlySpan<byte> TrimOws(ReadOnlySpan<byte> value)
    {
        int start = 0;
        while (start < value.Length && (value[start] == (byte)' ' || value[start] == (byte)'\t'))
        {
            start++;
        }
        int end = value.Length;
        while (end > start && (value[end - 1] == (byte)' ' || value[end - 1] == (byte)'\t'))
        {
            end--;
        }
        return value[start..end];
    }
}
