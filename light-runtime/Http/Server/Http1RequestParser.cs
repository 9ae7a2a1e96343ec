using System;
using System.Buffers;
using System.Net;
using System.Text;

namespace Runtime.Light.Http.Server;

/// <summary>
/// Parses HTTP/1.1 request heads strictly, in the manner of Kestrel's HttpParser: token method, origin-form or
/// absolute-form target, HTTP/1.0 or HTTP/1.1, CRLF line ends, token header names with no whitespace before the colon,
/// no obsolete line folding, one consistent framing, a Host header on HTTP/1.1.
/// "Incomplete" returns false and consumes nothing; anything malformed or over a limit throws
/// <see cref="HttpRequestRejectedException"/> with the status to answer (as soon as the bytes so far prove it).
/// </summary>
internal static partial class Http1RequestParser
{
    internal static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Control characters other than HTAB (CR, LF and NUL among them): never allowed in a field value.</summary>
    internal static readonly SearchValues<byte> ControlChars = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\n\u000B\u000C\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"u8);

    /// <summary>Visible ASCII except '#' (a fragment is never part of a request-target).</summary>
    private static readonly SearchValues<byte> s_targetChars = SearchValues.Create(
        "!\"$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    /// <summary>
    /// Reads one request head into <paramref name="head"/> (reset first). False = incomplete, nothing consumed;
    /// true = the reader is past the blank line that ends the head.
    /// </summary>
    public static bool TryParseHead(ref SequenceReader<byte> reader, RequestHead head, in RequestLimits limits)
    {
        SequenceReader<byte> probe = reader;

        // Find the end of the head line by line first (cheap and allocation-free), so that every limit and every
        // bare LF is caught as soon as the bytes show it, and parsing proper runs once, over a complete head.
        if (!probe.TryReadTo(out ReadOnlySequence<byte> requestLine, (byte)'\n', advancePastDelimiter: true))
        {
            if (probe.Remaining > limits.MaxRequestLineBytes + 1L)
            {
                throw RequestLineTooLong(limits);
            }
            return false;
        }
        if (requestLine.Length - 1 > limits.MaxRequestLineBytes)
        {
            throw RequestLineTooLong(limits);
        }
        if (!EndsWithCr(requestLine))
        {
            throw BadRequest("The request line does not end with CRLF.");
        }

        long headersStart = probe.Consumed;
        while (true)
        {
            if (!probe.TryReadTo(out ReadOnlySequence<byte> field, (byte)'\n', advancePastDelimiter: true))
            {
                if (probe.Consumed - headersStart + probe.Remaining > limits.MaxRequestHeadersBytes)
                {
                    throw HeadersTooLarge(limits);
                }
                return false;
            }
            if (probe.Consumed - headersStart > limits.MaxRequestHeadersBytes)
            {
                throw HeadersTooLarge(limits);
            }
            if (!EndsWithCr(field))
            {
                throw BadRequest("A header line does not end with CRLF.");
            }
            if (field.Length == 1)
            {
                break; // the blank line
            }
        }

        ReadOnlySequence<byte> whole = reader.UnreadSequence.Slice(0, probe.Consumed - reader.Consumed);
        head.Reset();
        if (whole.IsSingleSegment)
        {
            Parse(whole.FirstSpan, (int)requestLine.Length - 1, head, limits);
        }
        else
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent((int)whole.Length);
            try
            {
                whole.CopyTo(rented);
                Parse(rented.AsSpan(0, (int)whole.Length), (int)requestLine.Length - 1, head, limits);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        reader = probe;
        return true;
    }

    /// <summary>Parses a complete head: the request line (<paramref name="lineLength"/> bytes, then CRLF) and the fields.</summary>
    private static void Parse(ReadOnlySpan<byte> head, int lineLength, RequestHead result, in RequestLimits limits)
    {
        ParseRequestLine(head[..lineLength], result);
        ParseFields(head[(lineLength + 2)..], result, limits);
    }

    private static void ParseRequestLine(ReadOnlySpan<byte> line, RequestHead head)
    {
        // method SP request-target SP HTTP-version, single spaces, nothing else.
        int space = line.IndexOf((byte)' ');
        if (space < 0)
        {
            throw BadRequest("The request line is not 'method target version'.");
        }
        ReadOnlySpan<byte> method = line[..space];
        if (method.IsEmpty || method.ContainsAnyExcept(TokenChars))
        {
            throw BadRequest("The method is not a token.");
        }
        ReadOnlySpan<byte> rest = line[(space + 1)..];
        space = rest.IndexOf((byte)' ');
        if (space < 0)
        {
            throw BadRequest("The request line is not 'method target version'.");
        }
        ReadOnlySpan<byte> target = rest[..space];
        if (target.IsEmpty)
        {
            throw BadRequest("The request target is empty (or the request line has two spaces in a row).");
        }
        head.Version = ParseVersion(rest[(space + 1)..]);
        head.Method = HttpMethods.Intern(method);
        if (ReferenceEquals(head.Method, HttpMethods.Connect))
        {
            throw new HttpRequestRejectedException(501, "CONNECT is not supported.");
        }
        if (target.ContainsAnyExcept(s_targetChars))
        {
            throw BadRequest("The request target contains a character that is not allowed.");
        }
        if (target[0] != (byte)'/' && !IsAbsoluteForm(target))
        {
            throw BadRequest("The request target is neither origin-form (/path) nor absolute-form (http://host/path).");
        }

        string rawTarget = Encoding.ASCII.GetString(target);
        RequestTarget.Split(rawTarget, out string rawPath, out string path, out string query);
        head.RawTarget = rawTarget;
        head.RawPath = rawPath;
        head.Path = path;
        head.QueryString = query;
    }

    private static Version ParseVersion(ReadOnlySpan<byte> version)
    {
        if (version.Length == 8 && version.StartsWith("HTTP/"u8) && char.IsAsciiDigit((char)version[5]) && version[6] == (byte)'.'
            && char.IsAsciiDigit((char)version[7]))
        {
            if (version[5] == (byte)'1' && version[7] == (byte)'1')
            {
                return HttpVersion.Version11;
            }
            if (version[5] == (byte)'1' && version[7] == (byte)'0')
            {
                return HttpVersion.Version10;
            }
            throw new HttpRequestRejectedException(505, "Only HTTP/1.0 and HTTP/1.1 are supported.");
        }
        throw BadRequest("The HTTP version is malformed.");
    }

    private static bool IsAbsoluteForm(ReadOnlySpan<byte> target)
    {
        int scheme = Ascii.EqualsIgnoreCase(target[..Math.Min(7, target.Length)], "http://"u8) ? 7
            : Ascii.EqualsIgnoreCase(target[..Math.Min(8, target.Length)], "https://"u8) ? 8
            : -1;
        if (scheme < 0)
        {
            return false;
        }
        ReadOnlySpan<byte> afterScheme = target[scheme..];
        int end = afterScheme.IndexOfAny((byte)'/', (byte)'?');
        return (end < 0 ? afterScheme.Length : end) > 0; // a non-empty authority
    }

    private static bool EndsWithCr(ReadOnlySequence<byte> line) =>
        !line.IsEmpty && (line.IsSingleSegment ? line.FirstSpan[^1] : line.Slice(line.Length - 1).FirstSpan[0]) == (byte)'\r';

    internal static HttpRequestRejectedException BadRequest(string message) => new(400, message);

    private static HttpRequestRejectedException RequestLineTooLong(in RequestLimits limits) =>
        new(414, "The request line is longer than " + limits.MaxRequestLineBytes + " bytes.");

    internal static HttpRequestRejectedException HeadersTooLarge(in RequestLimits limits) =>
        new(431, "The request header section is larger than " + limits.MaxRequestHeadersBytes + " bytes.");
}
