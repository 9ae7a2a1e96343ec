using System.Buffers;
using System.Text;
using Runtime.Engine.Buffers;
using Runtime.Light.Http;
using Xunit;

namespace Runtime.Light.Tests.Http;

public sealed class ChunkedBodyReaderTests
{
    private const string Body = "7\r\n{\"a\":1,\r\n6;ext=1\r\n\"b\":2}\r\n0\r\nTrailer: x\r\n\r\n";

    [Fact]
    public void TryRead_Whole_DecodesAndSkipsExtensionsAndTrailers()
    {
        using var output = new PooledBufferWriter();
        var decoder = default(ChunkedBodyReader);
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(Body)));

        Assert.True(decoder.TryRead(ref reader, output, 1024));

        Assert.Equal("{\"a\":1,\"b\":2}", Encoding.ASCII.GetString(output.WrittenSpan));
        Assert.True(reader.End);
    }

    [Fact]
    public void TryRead_OneByteAtATime_DecodesTheSame()
    {
        using var output = new PooledBufferWriter();
        var decoder = default(ChunkedBodyReader);
        byte[] bytes = Encoding.ASCII.GetBytes(Body);
        int fed = 0;
        bool done = false;
        // Feed a growing window, consuming what the decoder consumed, as a PipeReader loop does.
        int consumed = 0;
        while (!done)
        {
            fed++;
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, consumed, fed - consumed));
            done = decoder.TryRead(ref reader, output, 1024);
            consumed += (int)reader.Consumed;
            Assert.True(fed <= bytes.Length);
        }

        Assert.Equal("{\"a\":1,\"b\":2}", Encoding.ASCII.GetString(output.WrittenSpan));
        Assert.Equal(bytes.Length, consumed);
    }

    [Theory]
    [InlineData("zz\r\n", "hexadecimal")]
    [InlineData("\r\n", "missing")]
    [InlineData("3\r\nabcXY", "CRLF")]
    [InlineData("ffffffffffffffff\r\n", "too large")]
    public void TryRead_Malformed_Throws(string body, string expected)
    {
        using var output = new PooledBufferWriter();
        HttpProtocolException ex = Assert.Throws<HttpProtocolException>(() =>
        {
            var decoder = default(ChunkedBodyReader);
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(body)));
            decoder.TryRead(ref reader, output, 1 << 20);
        });
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void TryRead_OverLimit_Throws()
    {
        using var output = new PooledBufferWriter();
        Assert.Throws<HttpProtocolException>(() =>
        {
            var decoder = default(ChunkedBodyReader);
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("10\r\n")));
            decoder.TryRead(ref reader, output, 15);
        });
    }
}
