using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text;
using Runtime.Engine.Buffers;

namespace Runtime.Light.Http.Server;

/// <summary>
/// Writes response heads: the status line, the handler's headers (minus the framing ones the server owns), Date,
/// Content-Length and Connection. A handler header that could split the head (a name that is not a token, a value
/// with CR, LF or NUL) makes the response invalid: the caller answers 500 instead.
/// </summary>
internal static class Http1ResponseWriter
{
    public static ReadOnlySpan<byte> Continue => "HTTP/1.1 100 Continue\r\n\r\n"u8;

    /// <summary>Whether a response with <paramref name="statusCode"/> to this request carries a body.</summary>
    public static bool HasBody(int statusCode, bool isHead) => !isHead && statusCode != 204 && statusCode != 304;

    /// <summary>
    /// Writes the head of <paramref name="response"/>; <paramref name="keepAliveHttp10"/> adds
    /// <c>Connection: keep-alive</c>, which an HTTP/1.0 client needs to keep the connection. Returns a problem
    /// description (nothing usable written) when the handler's status or headers are invalid.
    /// </summary>
    public static string? TryWriteHead(PooledBufferWriter output, HttpServerResponse response, bool isHead, bool close, bool keepAliveHttp10)
    {
        int status = response.StatusCode;
        if (status is < 200 or > 999)
        {
            return "status code " + status + " is not a final status (200-999)";
        }
        WriteStatusLine(output, status);
        bool sawDate = false;
        foreach (KeyValuePair<string, string> header in response.Headers)
        {
            string name = header.Key;
            if (IsServerOwned(name))
            {
                continue;
            }
            if (name.Length == 0 || !IsToken(name))
            {
                return "a header name is not a token";
            }
            if (header.Value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                return "the value of header " + name + " contains CR, LF or NUL";
            }
            sawDate |= name.Equals("Date", StringComparison.OrdinalIgnoreCase);
            Span<byte> span = output.GetSpan(name.Length + 2);
            Encoding.ASCII.GetBytes(name, span);
            span[name.Length] = (byte)':';
            span[name.Length + 1] = (byte)' ';
            output.Advance(name.Length + 2);
            output.Advance(Encoding.UTF8.GetBytes(header.Value, output.GetSpan(Encoding.UTF8.GetMaxByteCount(header.Value.Length))));
            output.Write("\r\n"u8);
        }
        if (!sawDate)
        {
            output.Write(HttpDate.HeaderLine);
        }
        int bodyLength = response.Body.WrittenCount;
        if (status != 204 && status != 304 && (!isHead || bodyLength > 0))
        {
            // A HEAD response states the length the handler produced (that of the GET), when it produced one.
            WriteContentLength(output, bodyLength);
        }
        if (close)
        {
            output.Write("Connection: close\r\n"u8);
        }
        else if (keepAliveHttp10)
        {
            output.Write("Connection: keep-alive\r\n"u8);
        }
        output.Write("\r\n"u8);
        return null;
    }

    /// <summary>Writes a complete plain-text error response that closes the connection.</summary>
    public static void WriteError(PooledBufferWriter output, int status, string message)
    {
        WriteStatusLine(output, status);
        output.Write(HttpDate.HeaderLine);
        output.Write("Content-Type: text/plain; charset=utf-8\r\n"u8);
        int length = Encoding.UTF8.GetByteCount(message);
        WriteContentLength(output, length);
        output.Write("Connection: close\r\n\r\n"u8);
        output.Advance(Encoding.UTF8.GetBytes(message, output.GetSpan(length)));
    }

    private static void WriteContentLength(PooledBufferWriter output, int length)
    {
        output.Write("Content-Length: "u8);
        Utf8Formatter.TryFormat(length, output.GetSpan(11), out int written);
        output.Advance(written);
        output.Write("\r\n"u8);
    }

    private static void WriteStatusLine(PooledBufferWriter output, int status)
    {
        output.Write("HTTP/1.1 "u8);
        Utf8Formatter.TryFormat(status, output.GetSpan(3), out int written);
        output.Advance(written);
        output.Write(" "u8);
        output.Write(ReasonPhrase(status));
        output.Write("\r\n"u8);
    }

    private static bool IsServerOwned(string name) =>
        name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Connection", StringComparison.OrdinalIgnoreCase);

    private static bool IsToken(string name)
    {
        foreach (char c in name)
        {
            if (c > 0x7F || !Http1RequestParser.TokenChars.Contains((byte)c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The RFC 9110 reason phrase, or empty for a code without one (the status line keeps its space).</summary>
    private static ReadOnlySpan<byte> ReasonPhrase(int status) => status switch
    {
        200 => "OK"u8,
        201 => "Created"u8,
        202 => "Accepted"u8,
        203 => "Non-Authoritative Information"u8,
        204 => "No Content"u8,
        206 => "Partial Content"u8,
        301 => "Moved Permanently"u8,
        302 => "Found"u8,
        303 => "See Other"u8,
        304 => "Not Modified"u8,
        307 => "Temporary Redirect"u8,
        308 => "Permanent Redirect"u8,
        400 => "Bad Request"u8,
        401 => "Unauthorized"u8,
        403 => "Forbidden"u8,
        404 => "Not Found"u8,
        405 => "Method Not Allowed"u8,
        406 => "Not Acceptable"u8,
        408 => "Request Timeout"u8,
        409 => "Conflict"u8,
        410 => "Gone"u8,
        411 => "Length Required"u8,
        412 => "Precondition Failed"u8,
        413 => "Content Too Large"u8,
        414 => "URI Too Long"u8,
        415 => "Unsupported Media Type"u8,
        416 => "Range Not Satisfiable"u8,
        417 => "Expectation Failed"u8,
        422 => "Unprocessable Content"u8,
        425 => "Too Early"u8,
        426 => "Upgrade Required"u8,
        428 => "Precondition Required"u8,
        429 => "Too Many Requests"u8,
        431 => "Request Header Fields Too Large"u8,
        500 => "Internal Server Error"u8,
        501 => "Not Implemented"u8,
        502 => "Bad Gateway"u8,
        503 => "Service Unavailable"u8,
        504 => "Gateway Timeout"u8,
        505 => "HTTP Version Not Supported"u8,
        _ => default,
    };
}
