using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Runtime.Emulator;

/// <summary>Serialises an <see cref="OutgoingRequest"/> as HTTP/1.1 bytes (request line, headers in order, framing, body).</summary>
internal static class RequestWriter
{
    public static byte[] Write(OutgoingRequest request, out List<KeyValuePair<string, string>> writtenHeaders)
    {
        writtenHeaders = new List<KeyValuePair<string, string>>(request.Headers.Count + 1);
        var head = new StringBuilder(256);
        head.Append(request.Method).Append(' ').Append(request.Target).Append(" HTTP/1.1\r\n");
        foreach (KeyValuePair<string, string> header in request.Headers)
        {
            Validate(header);
            Append(head, writtenHeaders, header.Key, header.Value);
        }

        ReadOnlySpan<byte> body = request.Body.Span;
        bool bodyAllowed = body.Length > 0 || MethodExpectsBody(request.Method);
        if (request.Chunked && bodyAllowed)
        {
            Append(head, writtenHeaders, "Transfer-Encoding", "chunked");
        }
        else if (bodyAllowed)
        {
            Append(head, writtenHeaders, "Content-Length", body.Length.ToString(CultureInfo.InvariantCulture));
        }

        head.Append("\r\n");
        var output = new ArrayBufferWriter<byte>(head.Length + body.Length + 32);
        Encoding.UTF8.GetBytes(head.ToString(), output);
        if (request.Chunked && bodyAllowed)
        {
            int chunkSize = Math.Max(1, request.ChunkSize);
            for (int offset = 0; offset < body.Length; offset += chunkSize)
            {
                ReadOnlySpan<byte> chunk = body.Slice(offset, Math.Min(chunkSize, body.Length - offset));
                Encoding.ASCII.GetBytes(chunk.Length.ToString("X", CultureInfo.InvariantCulture) + "\r\n", output);
                output.Write(chunk);
                output.Write("\r\n"u8);
            }

            output.Write("0\r\n\r\n"u8);
        }
        else
        {
            output.Write(body);
        }

        return output.WrittenSpan.ToArray();
    }

    private static bool MethodExpectsBody(string method) =>
        method.Equals("POST", StringComparison.OrdinalIgnoreCase)
        || method.Equals("PUT", StringComparison.OrdinalIgnoreCase)
        || method.Equals("PATCH", StringComparison.OrdinalIgnoreCase);

    private static void Append(StringBuilder head, List<KeyValuePair<string, string>> written, string name, string value)
    {
        head.Append(name).Append(": ").Append(value).Append("\r\n");
        written.Add(new KeyValuePair<string, string>(name, value));
    }

    private static void Validate(KeyValuePair<string, string> header)
    {
        // Malformed requests are for SendRawAsync; a typed call that would put CR/LF on the wire is a test bug.
        if (header.Key.Length == 0 || header.Key.AsSpan().IndexOfAny(" \t\r\n:") >= 0 || header.Value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"Invalid header field '{header.Key}'.");
        }
    }
}
