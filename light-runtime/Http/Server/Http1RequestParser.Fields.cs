using System;
using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Unicode;

namespace Runtime.Light.Http.Server;

/// <summary>Header fields and framing (Content-Length, Transfer-Encoding, Connection, Host, Expect).</summary>
internal static partial class Http1RequestParser
{
    /// <summary>reg-name, IP-literal and port characters (RFC 3986 §3.2.2), plus '%' for pct-encoded.</summary>
    private static readonly SearchValues<byte> s_hostChars = SearchValues.Create(
        "!$&'()*+,-.0123456789:;=ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz~%"u8);

    /// <summary>Longest Content-Length parsed exactly; longer is larger than any limit.</summary>
    private const int MaxLengthDigits = 18;

    /// <summary>Parses the header lines (each ending CRLF, the last one blank) and checks the framing they declare.</summary>
    private static void ParseFields(ReadOnlySpan<byte> fields, RequestHead head, in RequestLimits limits)
    {
        var framing = new Framing { ContentLength = -1 };
        while (true)
        {
            int end = fields.IndexOf("\r\n"u8);
            ReadOnlySpan<byte> line = fields[..end];
            fields = fields[(end + 2)..];
            if (line.IsEmpty)
            {
                break;
            }
            ParseField(line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value);
            Inspect(name, value, ref framing);
            head.Headers.Add(RequestHeaderNames.Get(name), ValueString(value));
        }
        Apply(ref framing, head, limits);
    }

    /// <summary>
    /// Splits and checks one field line (header or trailer): a token name, a colon right after it, a value without
    /// control characters; the value comes back without surrounding whitespace.
    /// </summary>
    internal static void ParseField(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        if (line[0] == (byte)' ' || line[0] == (byte)'\t')
        {
            throw BadRequest("Obsolete line folding (a header line that starts with whitespace) is not allowed.");
        }
        int colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            throw BadRequest("A header line has no colon.");
        }
        if (colon == 0)
        {
            throw BadRequest("A header name is empty.");
        }
        name = line[..colon];
        if (name[^1] == (byte)' ' || name[^1] == (byte)'\t')
        {
            throw BadRequest("Whitespace between a header name and its colon is not allowed.");
        }
        if (name.ContainsAnyExcept(TokenChars))
        {
            throw BadRequest("A header name contains a character that is not allowed.");
        }
        value = line[(colon + 1)..].Trim(" \t"u8);
        if (value.ContainsAny(ControlChars))
        {
            throw BadRequest("A header value contains a control character.");
        }
    }

    private static string ValueString(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }
        if (Ascii.IsValid(value))
        {
            return Encoding.ASCII.GetString(value);
        }
        if (!Utf8.IsValid(value))
        {
            throw BadRequest("A header value is not valid UTF-8.");
        }
        return Encoding.UTF8.GetString(value);
    }

    private static void Inspect(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, ref Framing framing)
    {
        switch (name.Length)
        {
            case 14 when Ascii.EqualsIgnoreCase(name, "Content-Length"u8):
                long length = ParseContentLength(value);
                if (framing.ContentLength >= 0 && framing.ContentLength != length)
                {
                    throw BadRequest("The request has two different Content-Length values.");
                }
                framing.ContentLength = length;
                break;
            case 17 when Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8):
                framing.TransferEncoding = true;
                foreach (Range part in value.Split((byte)','))
                {
                    ReadOnlySpan<byte> coding = value[part].Trim(" \t"u8);
                    if (coding.IsEmpty)
                    {
                        continue; // empty list elements are allowed (RFC 9110 §5.6.1)
                    }
                    bool chunked = Ascii.EqualsIgnoreCase(coding, "chunked"u8);
                    framing.ChunkedCount += chunked ? 1 : 0;
                    framing.OtherCoding |= !chunked;
                    framing.LastIsChunked = chunked;
                }
                break;
            case 10 when Ascii.EqualsIgnoreCase(name, "Connection"u8):
                foreach (Range part in value.Split((byte)','))
                {
                    ReadOnlySpan<byte> option = value[part].Trim(" \t"u8);
                    framing.Close |= Ascii.EqualsIgnoreCase(option, "close"u8);
                    framing.KeepAlive |= Ascii.EqualsIgnoreCase(option, "keep-alive"u8);
                }
                break;
            case 4 when Ascii.EqualsIgnoreCase(name, "Host"u8):
                if (value.ContainsAnyExcept(s_hostChars))
                {
                    throw BadRequest("The Host header is not a valid host.");
                }
                framing.HostCount++;
                break;
            case 6 when Ascii.EqualsIgnoreCase(name, "Expect"u8):
                // Other expectations are ignored, as Kestrel does (RFC 9110 §10.1.1 allows either).
                framing.ExpectContinue |= Ascii.EqualsIgnoreCase(value, "100-continue"u8);
                break;
        }
    }

    private static long ParseContentLength(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            throw BadRequest("Content-Length is not a non-negative integer.");
        }
        value = value.TrimStart((byte)'0');
        if (value.Length > MaxLengthDigits)
        {
            return long.MaxValue; // above any limit: 413 below
        }
        long length = 0;
        foreach (byte digit in value)
        {
            length = length * 10 + (digit - '0');
        }
        return length;
    }

    private static void Apply(ref Framing framing, RequestHead head, in RequestLimits limits)
    {
        bool http10 = head.Version == HttpVersion.Version10;
        if (framing.HostCount == 0 && !http10)
        {
            throw BadRequest("An HTTP/1.1 request must have a Host header.");
        }
        if (framing.HostCount > 1)
        {
            throw BadRequest("The request has more than one Host header.");
        }
        if (framing.TransferEncoding)
        {
            // RFC 9112 §6.1 and §6.3: these make the body length unknowable (400), or name a coding we lack (501).
            if (framing.ContentLength >= 0)
            {
                throw BadRequest("The request has both Content-Length and Transfer-Encoding.");
            }
            if (http10)
            {
                throw BadRequest("Transfer-Encoding is not allowed in an HTTP/1.0 request.");
            }
            if (!framing.LastIsChunked)
            {
                throw BadRequest("The final transfer coding is not chunked.");
            }
            if (framing.ChunkedCount > 1)
            {
                throw BadRequest("The chunked transfer coding is applied more than once.");
            }
            if (framing.OtherCoding)
            {
                throw new HttpRequestRejectedException(501, "Only the chunked transfer coding is supported.");
            }
        }
        if (framing.ContentLength > limits.MaxRequestBodyBytes)
        {
            throw BodyTooLarge(limits);
        }
        head.ContentLength = framing.ContentLength;
        head.Chunked = framing.TransferEncoding;
        head.KeepAlive = !framing.Close && (!http10 || framing.KeepAlive);
        head.ExpectContinue = framing.ExpectContinue;
    }

    internal static HttpRequestRejectedException BodyTooLarge(in RequestLimits limits) =>
        new(413, "The request body is larger than " + limits.MaxRequestBodyBytes + " bytes.");

    private struct Framing
    {
        public long ContentLength;
        public bool TransferEncoding;
        public int ChunkedCount;
        public bool OtherCoding;
        public bool LastIsChunked;
        public bool Close;
        public bool KeepAlive;
        public bool ExpectContinue;
        public int HostCount;
    }
}
