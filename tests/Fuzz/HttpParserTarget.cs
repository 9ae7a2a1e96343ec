using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using Runtime.Light.Http.Server;

namespace Runtime.Fuzz;

/// <summary>
/// The server's HTTP/1.1 request parser (<see cref="Http1RequestParser"/>) and chunked body decoder
/// (<see cref="ChunkedRequestBodyReader"/>), with the default <see cref="HttpServerOptions"/> limits.
/// Bad input = <see cref="HttpRequestRejectedException"/> (the status the server answers). Oracles, from the parser
/// rules in the style guide: a complete head minus its last byte is "incomplete" and consumes nothing; the input
/// split into two segments (at a point the input picks) gives exactly the same outcome; the chunked body decoded from
/// pieces, as the server feeds it, gives the same bytes as decoded in one go, never more than the body limit.
/// Up to four pipelined requests are read from one input, each after the previous one's body.
/// </summary>
internal sealed class HttpParserTarget : IFuzzTarget
{
    /// <summary>Pipelined requests parsed from one input at most.</summary>
    private const int MaxRequests = 4;

    private static readonly RequestLimits s_limits = new(8 * 1024, 32 * 1024, 32L * 1024 * 1024);

    public string Name => "http";

    public string[] Dictionary { get; } =
    {
        "\r\n", "\r\n\r\n", "\n", "\r", " ", "\t", ":", ",", ";", "GET", "POST", "HEAD", "CONNECT", "OPTIONS", "HTTP/1.1", "HTTP/1.0",
        "HTTP/2.0", "http://", "https://", "Host: a\r\n", "Content-Length: ", "Transfer-Encoding: chunked\r\n",
        "Transfer-Encoding: gzip, chunked\r\n", "Connection: close\r\n", "Connection: keep-alive\r\n", "Expect: 100-continue\r\n",
        "0\r\n\r\n", "ffffffffffffffff", "%2F", "%C3%A9", "%", "?", "#", "/", "\u00e9", "\0", "999999999999999999999",
    };

    /// <summary>The head's strings (about twice the input, as UTF-16) and the decoded body, with room for pooled buffers.</summary>
    public long AllocationBound(int inputLength) => 1024 * 1024 + 64L * inputLength;

    public void Run(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        string whole = Parse(new ReadOnlySequence<byte>(bytes), bytes.Length, out long headLength);
        if (headLength > 0)
        {
            // Every prefix of a valid head is incomplete and consumes nothing (checked at the longest prefix).
            var prefix = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, (int)headLength - 1));
            if (Http1RequestParser.TryParseHead(ref prefix, new RequestHead(), s_limits) || prefix.Consumed != 0)
            {
                throw new FuzzFailure("A head minus its last byte was not 'incomplete, nothing consumed'.");
            }
        }
        if (bytes.Length > 1)
        {
            int split = 1 + (int)(Fnv.Hash(bytes) % (uint)(bytes.Length - 1));
            string parts = Parse(Segments.Split(bytes, split), split, out _);
            if (parts != whole)
            {
                throw new FuzzFailure($"Split at {split} the input parses differently:\n  whole: {whole}\n  split: {parts}");
            }
        }
    }

    /// <summary>
    /// Parses up to <see cref="MaxRequests"/> pipelined requests (head, then a Content-Length or chunked body) and
    /// describes the outcome. <paramref name="feedAt"/> is where a piecewise chunked-body feed pauses.
    /// </summary>
    private static string Parse(ReadOnlySequence<byte> input, int feedAt, out long headLength)
    {
        headLength = 0;
        var reader = new SequenceReader<byte>(input);
        var text = new StringBuilder();
        for (int n = 0; n < MaxRequests && !reader.End; n++)
        {
            var head = new RequestHead();
            long start = reader.Consumed;
            try
            {
                if (!Http1RequestParser.TryParseHead(ref reader, head, s_limits))
                {
                    if (reader.Consumed != start)
                    {
                        throw new FuzzFailure("'Incomplete' consumed bytes.");
                    }
                    return text.Append(" | incomplete").ToString();
                }
            }
            catch (HttpRequestRejectedException ex)
            {
                return text.Append(" | head rejected ").Append(ex.StatusCode).Append(": ").Append(ex.Message).ToString();
            }
            if (n == 0)
            {
                headLength = reader.Consumed;
            }
            text.Append(" | ").Append(head.Method).Append(' ').Append(head.RawTarget).Append(" path=").Append(head.Path).Append(" raw=")
                .Append(head.RawPath).Append(" query=").Append(head.QueryString).Append(' ').Append(head.Version).Append(" length=")
                .Append(head.ContentLength).Append(" chunked=").Append(head.Chunked).Append(" keepAlive=").Append(head.KeepAlive)
                .Append(" expect=").Append(head.ExpectContinue);
            foreach (KeyValuePair<string, string> header in head.Headers)
            {
                text.Append(" [").Append(header.Key).Append('=').Append(header.Value).Append(']');
            }
            if (head.Chunked)
            {
                ReadOnlySequence<byte> body = input.Slice(reader.Position);
                string once = Decode(body, body.Length, out long consumed);
                string fed = Decode(body, Math.Clamp(feedAt - reader.Consumed, 0, body.Length), out _);
                if (once != fed)
                {
                    throw new FuzzFailure($"The chunked body decodes differently when fed in two pieces:\n  once: {once}\n  fed:  {fed}");
                }
                text.Append(" body: ").Append(once);
                if (consumed < 0)
                {
                    break;
                }
                reader.Advance(consumed);
            }
            else if (head.ContentLength > 0)
            {
                if (reader.Remaining < head.ContentLength)
                {
                    return text.Append(" body incomplete").ToString();
                }
                reader.Advance(head.ContentLength);
            }
        }
        return text.ToString();
    }

    /// <summary>Decodes a chunked body: the whole of it, or what has arrived at <paramref name="firstFeed"/> and then the rest (as the server feeds each read). <paramref name="consumed"/> is -1 unless done.</summary>
    private static string Decode(ReadOnlySequence<byte> body, long firstFeed, out long consumed)
    {
        var decoder = default(ChunkedRequestBodyReader);
        var output = new ArrayBufferWriter<byte>();
        consumed = 0;
        try
        {
            foreach (long available in new[] { firstFeed, body.Length })
            {
                var reader = new SequenceReader<byte>(body.Slice(consumed, available - consumed));
                bool done = decoder.TryRead(ref reader, output, s_limits);
                consumed += reader.Consumed;
                if (output.WrittenCount > s_limits.MaxRequestBodyBytes || decoder.Total > s_limits.MaxRequestBodyBytes)
                {
                    throw new FuzzFailure("The chunked body exceeded the body limit without a 413.");
                }
                if (done)
                {
                    return "done " + output.WrittenCount + " bytes " + Fnv.Hash(output.WrittenSpan) + " rest " + (body.Length - consumed);
                }
            }
            consumed = -1;
            return "incomplete " + output.WrittenCount + " bytes " + Fnv.Hash(output.WrittenSpan);
        }
        catch (HttpRequestRejectedException ex)
        {
            consumed = -1;
            return "body rejected " + ex.StatusCode + ": " + ex.Message;
        }
    }
}
