using System;
using System.Buffers;
using System.Text;
using Runtime.Engine.Buffers;
using Runtime.Light.Http.Server;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

public sealed class ChunkedRequestBodyReaderTests
{
    private static readonly RequestLimits Limits = new(8 * 1024, 1024, 1024);

    private const string Body =
        "7\r\n{\"a\":1,\r\n" +
        "6;ext=1;quoted=\"a b\"\r\n\"b\":2}\r\n" +
        "9 \t;name\r\n,\"c\":\"xy\"\r\n" +
        "0\r\nTrailer-One: x\r\nChecksum:  abc \r\n\r\n";

    private const string Decoded = "{\"a\":1,\"b\":2},\"c\":\"xy\"";

    [Fact]
    public void TryRead_Whole_DecodesSkippingExtensionsAndTrailers()
    {
        using var output = new PooledBufferWriter();
        var decoder = default(ChunkedRequestBodyReader);
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(Body + "GET /next")));

        Assert.True(decoder.TryRead(ref reader, output, Limits));

        Assert.Equal(Decoded, Encoding.ASCII.GetString(output.WrittenSpan));
        Assert.Equal(Decoded.Length, decoder.Total);
        Assert.Equal("GET /next".Length, reader.Remaining);
    }

    [Fact]
    public void TryRead_GrowingWindow_DecodesTheSameAndConsumesExactly()
    {
        using var output = new PooledBufferWriter();
        var decoder = default(ChunkedRequestBodyReader);
        byte[] bytes = Encoding.ASCII.GetBytes(Body);
        int consumed = 0;
        bool done = false;
        for (int fed = 1; !done; fed++)
        {
            Assert.True(fed <= bytes.Length, "the decoder needed more than the whole body");
            // As a PipeReader loop does: what was consumed is gone, the rest is offered again with one more byte.
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, consumed, fed - consumed));
            done = decoder.TryRead(ref reader, output, Limits);
            consumed += (int)reader.Consumed;
        }

        Assert.Equal(Decoded, Encoding.ASCII.GetString(output.WrittenSpan));
        Assert.Equal(bytes.Length, consumed);
    }

    [Fact]
    public void TryRead_SplitAcrossSegments_DecodesTheSame()
    {
        byte[] bytes = Encoding.ASCII.GetBytes(Body);
        for (int split = 1; split < bytes.Length; split++)
        {
            Assert.Equal(Decoded, DecodeAll(Segments.Split(bytes, split)));
        }
        Assert.Equal(Decoded, DecodeAll(Segments.Bytewise(bytes)));
    }

    [Theory]
    [InlineData("zz\r\n", 400, "missing or not hexadecimal")]
    [InlineData("\r\n", 400, "missing or not hexadecimal")]
    [InlineData("-1\r\n", 400, "missing or not hexadecimal")]
    [InlineData("5x\r\n", 400, "not hexadecimal")]
    [InlineData("0x5\r\n", 400, "not hexadecimal")]
    [InlineData("5\n", 400, "does not end with CRLF")]
    [InlineData("5;ext\nabcde\r\n0\r\n\r\n", 400, "does not end with CRLF")]
    [InlineData("5;e\u0001xt\r\n", 400, "chunk extension contains a control character")]
    [InlineData("5;e\rxt\r\n", 400, "chunk extension contains a control character")]
    [InlineData("3\r\nabcXY", 400, "not followed by CRLF")]
    [InlineData("3\r\nabc\n0\r\n\r\n", 400, "not followed by CRLF")]
    [InlineData("0\r\nBad Trailer: x\r\n\r\n", 400, "header name contains a character")]
    [InlineData("0\r\nTrailer : x\r\n\r\n", 400, "Whitespace between a header name")]
    [InlineData("0\r\nNoColon\r\n\r\n", 400, "no colon")]
    [InlineData("0\r\nT: x\n\r\n", 400, "does not end with CRLF")]
    [InlineData("0\r\n folded\r\n\r\n", 400, "folding")]
    [InlineData("401\r\n", 413, "larger than 1024 bytes")]
    [InlineData("200\r\n", 0, "")] // exactly within the limit so far: incomplete, no error
    [InlineData("00000000000000000000000000401\r\n", 413, "larger than 1024 bytes")]
    [InlineData("ffffffffffffffffffffffffffff\r\n", 413, "larger than 1024 bytes")]
    public void TryRead_Malformed_RejectsWithStatusNamingTheProblem(string body, int status, string expected)
    {
        Func<bool> read = () =>
        {
            using var output = new PooledBufferWriter();
            var decoder = default(ChunkedRequestBodyReader);
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(body)));
            return decoder.TryRead(ref reader, output, Limits);
        };
        if (status == 0)
        {
            Assert.False(read());
            return;
        }

        HttpRequestRejectedException ex = Assert.Throws<HttpRequestRejectedException>(() => read());

        Assert.Equal(status, ex.StatusCode);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_SumOfChunksOverLimit_Rejects413BeforeTheDataOfTheOffendingChunk()
    {
        using var output = new PooledBufferWriter();
        var decoder = default(ChunkedRequestBodyReader);
        string body = "200\r\n" + new string('a', 0x200) + "\r\n201\r\n";

        HttpRequestRejectedException ex = Assert.Throws<HttpRequestRejectedException>(() => Read(ref decoder, body, output));

        Assert.Equal(413, ex.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryRead_TrailersOverLimit_Reject431(bool complete)
    {
        using var output = new PooledBufferWriter();
        var decoder = default(ChunkedRequestBodyReader);
        string body = "0\r\nT: " + new string('x', 1100) + (complete ? "\r\n\r\n" : string.Empty);

        HttpRequestRejectedException ex = Assert.Throws<HttpRequestRejectedException>(() => Read(ref decoder, body, output));

        Assert.Equal(431, ex.StatusCode);
    }

    [Fact]
    public void TryRead_ChunkSizeLineTooLong_Rejects()
    {
        using var output = new PooledBufferWriter();
        var decoder = default(ChunkedRequestBodyReader);
        string body = "1;" + new string('e', ChunkedRequestBodyReader.MaxChunkLineBytes);

        HttpRequestRejectedException ex = Assert.Throws<HttpRequestRejectedException>(() => Read(ref decoder, body, output));

        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("chunk-size line is longer", ex.Message, StringComparison.Ordinal);
    }

    private static bool Read(ref ChunkedRequestBodyReader decoder, string body, PooledBufferWriter output)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(body)));
        return decoder.TryRead(ref reader, output, Limits);
    }

    private static string DecodeAll(ReadOnlySequence<byte> sequence)
    {
        using var output = new PooledBufferWriter();
        var decoder = default(ChunkedRequestBodyReader);
        var reader = new SequenceReader<byte>(sequence);
        Assert.True(decoder.TryRead(ref reader, output, Limits));
        Assert.True(reader.End);
        return Encoding.ASCII.GetString(output.WrittenSpan);
    }
}
