using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using Runtime.Light.Http;
using Xunit;

namespace Runtime.Light.Tests.Http;

public sealed class Http1ResponseParserTests
{
    private const string NextResponse =
        "HTTP/1.1 200 OK\r\n" +
        "Content-Type: application/json\r\n" +
        "Lambda-Runtime-Aws-Request-Id: 8476a536-e9f4-11e8-9739-2dfe598c3fcd\r\n" +
        "Lambda-Runtime-Deadline-Ms: 1542409706888\r\n" +
        "lambda-runtime-trace-id:   Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1  \r\n" +
        "Content-Length: 17\r\n" +
        "\r\n";

    public static IEnumerable<object[]> ValidHeads() => new[]
    {
        new object[] { NextResponse },
        new object[] { "HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n" },
        new object[] { "HTTP/1.1 204 \r\n\r\n" },
        new object[] { "HTTP/1.0 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n" },
        new object[] { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" },
    };

    [Fact]
    public void TryParseHead_NextResponse_ReadsStatusAndHeadersCaseInsensitively()
    {
        var head = new ResponseHead();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(NextResponse + "{\"hello\":\"world\"}")));

        Assert.True(Http1ResponseParser.TryParseHead(ref reader, head));

        Assert.Equal(200, head.StatusCode);
        Assert.Equal(17, head.ContentLength);
        Assert.Equal("8476a536-e9f4-11e8-9739-2dfe598c3fcd", head.Get("lambda-runtime-aws-request-id"));
        Assert.Equal("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", head.Get(KnownHeaders.AwsTraceId));
        Assert.Same(KnownHeaders.AwsTraceId, head.Headers[3].Key);
        Assert.Equal(17, reader.Remaining);
    }

    [Theory]
    [MemberData(nameof(ValidHeads))]
    public void TryParseHead_EveryPrefix_IsIncompleteAndConsumesNothing(string message)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(message);
        for (int length = 0; length < bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));
            Assert.False(Http1ResponseParser.TryParseHead(ref reader, new ResponseHead()));
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Theory]
    [MemberData(nameof(ValidHeads))]
    public void TryParseHead_SplitAcrossSegments_ParsesTheSame(string message)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(message);
        var whole = new ResponseHead();
        var wholeReader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        Assert.True(Http1ResponseParser.TryParseHead(ref wholeReader, whole));

        for (int split = 1; split < bytes.Length; split++)
        {
            ReadOnlySequence<byte> sequence = Segments.Split(bytes, split);
            var head = new ResponseHead();
            var reader = new SequenceReader<byte>(sequence);
            Assert.True(Http1ResponseParser.TryParseHead(ref reader, head));
            Assert.Equal(whole.StatusCode, head.StatusCode);
            Assert.Equal(whole.ContentLength, head.ContentLength);
            Assert.Equal(whole.Chunked, head.Chunked);
            Assert.Equal(whole.Headers, head.Headers);
            Assert.Equal(bytes.Length, reader.Consumed);
        }
    }

    [Theory]
    [InlineData("HTTP/2 200 OK\r\n\r\n", "status line")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n", "three digits")]
    [InlineData("HTTP/1.1 200OK\r\n\r\n", "malformed")]
    [InlineData("HTTP/1.1 099 Hm\r\n\r\n", "malformed")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", "not allowed")]
    [InlineData("HTTP/1.1 200 OK\r\nName : x\r\n\r\n", "not allowed")]
    [InlineData("HTTP/1.1 200 OK\r\nNoColon\r\n\r\n", "no name or no colon")]
    [InlineData("HTTP/1.1 200 OK\r\n: value\r\n\r\n", "no name or no colon")]
    [InlineData("HTTP/1.1 200 OK\r\nA: 1\r\n folded\r\n\r\n", "folding")]
    [InlineData("HTTP/1.1 200 OK\r\nA: 1\nB: 2\r\n\r\n", "CR, LF or NUL")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n", "Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n", "Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "two different")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "Only chunked")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", "both")]
    public void TryParseHead_Malformed_ThrowsNamingTheProblem(string message, string expected)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(message);

        HttpProtocolException ex = Assert.Throws<HttpProtocolException>(() =>
        {
            var r = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            Http1ResponseParser.TryParseHead(ref r, new ResponseHead());
        });

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void TryParseHead_HeadOverLimitWithoutEnd_Throws()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nX: " + new string('a', Http1ResponseParser.MaxHeadBytes));
        Assert.Throws<HttpProtocolException>(() =>
        {
            var r = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            Http1ResponseParser.TryParseHead(ref r, new ResponseHead());
        });
    }

    [Theory]
    [InlineData("Connection: close", true)]
    [InlineData("Connection: keep-alive, Close", true)]
    [InlineData("Connection: keep-alive", false)]
    public void TryParseHead_Connection_SetsClose(string header, bool close)
    {
        var head = new ResponseHead();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\n{header}\r\n\r\n")));

        Assert.True(Http1ResponseParser.TryParseHead(ref reader, head));

        Assert.Equal(close, head.ConnectionClose);
    }

    [Fact]
    public void TryParseHead_Http10WithoutKeepAlive_MeansClose()
    {
        var head = new ResponseHead();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("HTTP/1.0 200 OK\r\n\r\n")));

        Assert.True(Http1ResponseParser.TryParseHead(ref reader, head));

        Assert.True(head.ConnectionClose);
    }
}
