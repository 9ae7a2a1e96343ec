using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using Runtime.Light.Http.Server;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

public sealed class Http1RequestParserTests
{
    private static readonly RequestLimits Limits = new(8 * 1024, 32 * 1024, 32L * 1024 * 1024);

    private const string FcInvoke =
        "POST /invoke?x=1&x=2 HTTP/1.1\r\n" +
        "Host: 127.0.0.1:9000\r\n" +
        "x-fc-request-id: 1-6572e0f1-1b2c3d4e5f60718293a4b5c6\r\n" +
        "Content-Type: application/json\r\n" +
        "X-Fc-Function-Name:  orders \r\n" +
        "x-fc-function-name: again\r\n" +
        "Content-Length: 17\r\n" +
        "\r\n";

    public static IEnumerable<object[]> ValidHeads() => new[]
    {
        new object[] { FcInvoke },
        new object[] { "GET / HTTP/1.1\r\nHost: a\r\n\r\n" },
        new object[] { "GET /a%20b/%E4%B8%AD?q=%20 HTTP/1.1\r\nHost: a\r\nEmpty:\r\nTab:\tv\t\r\n\r\n" },
        new object[] { "GET / HTTP/1.0\r\n\r\n" },
        new object[] { "HEAD http://example.com:8080/p?q HTTP/1.1\r\nHost: example.com:8080\r\nConnection: close\r\n\r\n" },
        new object[] { "PUT /chunks HTTP/1.1\r\nHost: [::1]:9000\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n" },
        new object[] { "M-SEARCH /x HTTP/1.1\r\nHost: a\r\n\r\n" },
        new object[] { "GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\u00e9 \u4e2d\r\n\r\n" },
    };

    [Fact]
    public void TryParseHead_FcInvoke_ReadsEverything()
    {
        var head = new RequestHead();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(FcInvoke + "{\"hello\":\"world\"}")));

        Assert.True(Http1RequestParser.TryParseHead(ref reader, head, Limits));

        Assert.Same(HttpMethods.Post, head.Method);
        Assert.Equal("/invoke?x=1&x=2", head.RawTarget);
        Assert.Equal("/invoke", head.Path);
        Assert.Equal("/invoke", head.RawPath);
        Assert.Equal("x=1&x=2", head.QueryString);
        Assert.Equal(HttpVersion.Version11, head.Version);
        Assert.Equal(17, head.ContentLength);
        Assert.False(head.Chunked);
        Assert.True(head.KeepAlive);
        Assert.False(head.ExpectContinue);
        Assert.Equal("1-6572e0f1-1b2c3d4e5f60718293a4b5c6", head.Headers["X-FC-REQUEST-ID"]);
        Assert.Equal(new[] { "orders", "again" }, head.Headers.GetValues("x-fc-function-name"));
        Assert.Equal(
            new[] { "Host", "x-fc-request-id", "Content-Type", "X-Fc-Function-Name", "x-fc-function-name", "Content-Length" },
            head.Headers.Select(h => h.Key));
        Assert.Equal(17, reader.Remaining);
    }

    [Theory]
    [MemberData(nameof(ValidHeads))]
    public void TryParseHead_EveryPrefix_IsIncompleteAndConsumesNothing(string message)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(message);
        for (int length = 0; length < bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));
            Assert.False(Http1RequestParser.TryParseHead(ref reader, new RequestHead(), Limits));
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Theory]
    [MemberData(nameof(ValidHeads))]
    public void TryParseHead_SplitAcrossSegments_ParsesTheSame(string message)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(message);
        RequestHead whole = Parse(new ReadOnlySequence<byte>(bytes), bytes.Length);

        for (int split = 1; split < bytes.Length; split++)
        {
            AssertSame(whole, Parse(Segments.Split(bytes, split), bytes.Length));
        }
        AssertSame(whole, Parse(Segments.Bytewise(bytes), bytes.Length));
    }

    [Theory]
    [MemberData(nameof(ValidHeads))]
    public void TryParseHead_FollowedByAnotherRequest_StopsAtItsOwnEnd(string message)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(message + "GET /next HTTP/1.1\r\nHost: a\r\n\r\n");
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));

        Assert.True(Http1RequestParser.TryParseHead(ref reader, new RequestHead(), Limits));
        var next = new RequestHead();
        Assert.True(Http1RequestParser.TryParseHead(ref reader, next, Limits));

        Assert.Equal("/next", next.Path);
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData("GET /a%20b/c HTTP/1.1", "/a b/c", "/a%20b/c", "")]
    [InlineData("GET /%E4%B8%AD%e6%96%87?k=%20v HTTP/1.1", "/\u4e2d\u6587", "/%E4%B8%AD%e6%96%87", "k=%20v")]
    [InlineData("GET /a%2Fb%2f HTTP/1.1", "/a%2Fb%2f", "/a%2Fb%2f", "")]
    [InlineData("GET /100%/x%4 HTTP/1.1", "/100%/x%4", "/100%/x%4", "")]
    [InlineData("GET /bad%FF HTTP/1.1", "/bad%FF", "/bad%FF", "")]
    [InlineData("GET /? HTTP/1.1", "/", "/", "")]
    [InlineData("GET /p?a=1?b HTTP/1.1", "/p", "/p", "a=1?b")]
    [InlineData("GET http://h:1/p%21?q HTTP/1.1", "/p!", "/p%21", "q")]
    [InlineData("GET HTTPS://h HTTP/1.1", "/", "/", "")]
    [InlineData("GET http://h?q=1 HTTP/1.1", "/", "/", "q=1")]
    public void TryParseHead_Target_SplitsAndDecodes(string requestLine, string path, string rawPath, string query)
    {
        RequestHead head = ParseText(requestLine + "\r\nHost: h\r\n\r\n");

        Assert.Equal(requestLine.Split(' ')[1], head.RawTarget);
        Assert.Equal(path, head.Path);
        Assert.Equal(rawPath, head.RawPath);
        Assert.Equal(query, head.QueryString);
    }

    [Theory]
    [InlineData("HTTP/1.1", "", true)]
    [InlineData("HTTP/1.1", "Connection: close\r\n", false)]
    [InlineData("HTTP/1.1", "Connection: Keep-Alive, CLOSE\r\n", false)]
    [InlineData("HTTP/1.0", "", false)]
    [InlineData("HTTP/1.0", "Connection: keep-alive\r\n", true)]
    [InlineData("HTTP/1.0", "Connection: keep-alive\r\nConnection: close\r\n", false)]
    public void TryParseHead_Connection_DecidesKeepAlive(string version, string headers, bool keepAlive)
    {
        RequestHead head = ParseText("GET / " + version + "\r\nHost: a\r\n" + headers + "\r\n");

        Assert.Equal(keepAlive, head.KeepAlive);
    }

    [Theory]
    [InlineData("Content-Length: 5\r\nContent-Length: 5\r\n", 5, false)]
    [InlineData("Content-Length: 0007\r\n", 7, false)]
    [InlineData("Transfer-Encoding: chunked\r\n", -1, true)]
    [InlineData("Transfer-Encoding: ,Chunked\r\n", -1, true)]
    [InlineData("", -1, false)]
    public void TryParseHead_Framing_IsRead(string headers, long contentLength, bool chunked)
    {
        RequestHead head = ParseText("POST / HTTP/1.1\r\nHost: a\r\n" + headers + "\r\n");

        Assert.Equal(contentLength, head.ContentLength);
        Assert.Equal(chunked, head.Chunked);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\n\r\n", true)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nExpect: something-else\r\n\r\n", false)]
    public void TryParseHead_Expect_OnlyHundredContinueCounts(string message, bool expectContinue)
    {
        Assert.Equal(expectContinue, ParseText(message).ExpectContinue);
    }

    [Theory]
    // request line
    [InlineData("GET\r\n\r\n", 400, "not 'method target version'")]
    [InlineData("GET /\r\n\r\n", 400, "not 'method target version'")]
    [InlineData(" GET / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "method is not a token")]
    [InlineData("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "method is not a token")]
    [InlineData("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "target is empty")]
    [InlineData("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400, "version is malformed")]
    [InlineData("GET / http/1.1\r\nHost: a\r\n\r\n", 400, "version is malformed")]
    [InlineData("GET / HTTP/1.1x\r\nHost: a\r\n\r\n", 400, "version is malformed")]
    [InlineData("GET / HTTP/11\r\nHost: a\r\n\r\n", 400, "version is malformed")]
    [InlineData("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505, "Only HTTP/1.0 and HTTP/1.1")]
    [InlineData("GET / HTTP/1.2\r\nHost: a\r\n\r\n", 505, "Only HTTP/1.0 and HTTP/1.1")]
    [InlineData("GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505, "Only HTTP/1.0 and HTTP/1.1")]
    [InlineData("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", 501, "CONNECT")]
    [InlineData("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", 400, "neither origin-form")]
    [InlineData("GET a/b HTTP/1.1\r\nHost: a\r\n\r\n", 400, "neither origin-form")]
    [InlineData("GET ftp://h/p HTTP/1.1\r\nHost: a\r\n\r\n", 400, "neither origin-form")]
    [InlineData("GET http:///p HTTP/1.1\r\nHost: a\r\n\r\n", 400, "neither origin-form")]
    [InlineData("GET /a#frag HTTP/1.1\r\nHost: a\r\n\r\n", 400, "target contains a character")]
    [InlineData("GET /a\u0001 HTTP/1.1\r\nHost: a\r\n\r\n", 400, "target contains a character")]
    [InlineData("GET /caf\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n", 400, "target contains a character")]
    [InlineData("GET /a\rb HTTP/1.1\r\nHost: a\r\n\r\n", 400, "target contains a character")]
    [InlineData("GET / HTTP/1.1\nHost: a\r\n\r\n", 400, "request line does not end with CRLF")]
    [InlineData("\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "not 'method target version'")]
    // header lines
    [InlineData("GET / HTTP/1.1\r\nHost: a\nX: 1\r\n\r\n", 400, "header line does not end with CRLF")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\n", 400, "header line does not end with CRLF")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r2\r\n\r\n", 400, "control character")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nX: a\u0000b\r\n\r\n", 400, "control character")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nX: a\u007fb\r\n\r\n", 400, "control character")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n folded\r\n\r\n", 400, "folding")]
    [InlineData("GET / HTTP/1.1\r\n\tX: 1\r\nHost: a\r\n\r\n", 400, "folding")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400, "no colon")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n: value\r\n\r\n", 400, "name is empty")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nName : x\r\n\r\n", 400, "Whitespace between a header name and its colon")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nName\t: x\r\n\r\n", 400, "Whitespace between a header name and its colon")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n", 400, "header name contains a character")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nN\u00e4me: x\r\n\r\n", 400, "header name contains a character")]
    // host
    [InlineData("GET / HTTP/1.1\r\n\r\n", 400, "must have a Host header")]
    [InlineData("GET / HTTP/1.1\r\nX: 1\r\n\r\n", 400, "must have a Host header")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "more than one Host")]
    [InlineData("GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n", 400, "more than one Host")]
    [InlineData("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400, "Host header is not a valid host")]
    [InlineData("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400, "Host header is not a valid host")]
    // framing
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400, "Content-Length is not")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\n", 400, "Content-Length is not")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 2\r\n\r\n", 400, "Content-Length is not")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x10\r\n\r\n", 400, "Content-Length is not")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\n", 400, "Content-Length is not")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n", 400, "Content-Length is not")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\ncontent-length: 2\r\n\r\n", 400, "two different Content-Length")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "both Content-Length and Transfer-Encoding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", 400, "both Content-Length and Transfer-Encoding")]
    [InlineData("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "not allowed in an HTTP/1.0 request")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 400, "final transfer coding is not chunked")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400, "final transfer coding is not chunked")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n\r\n", 400, "final transfer coding is not chunked")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "more than once")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501, "Only the chunked transfer coding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n", 501, "Only the chunked transfer coding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 33554433\r\n\r\n", 413, "request body is larger than 33554432 bytes")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", 413, "request body is larger than")]
    public void TryParseHead_Malformed_RejectsWithStatusNamingTheProblem(string message, int status, string expected)
    {
        HttpRequestRejectedException ex = Reject(Encoding.UTF8.GetBytes(message), Limits);

        Assert.Equal(status, ex.StatusCode);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseHead_InvalidUtf8Value_Rejects()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: a\r\nX: ??\r\n\r\n");
        int at = Array.IndexOf(bytes, (byte)'?');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        HttpRequestRejectedException ex = Reject(bytes, Limits);

        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseHead_RequestLineAtLimit_Parses()
    {
        var limits = Limits with { MaxRequestLineBytes = 64 };
        string line = "GET /" + new string('a', 64 - "GET / HTTP/1.1".Length) + " HTTP/1.1";
        Assert.Equal(64, line.Length);

        Assert.True(TryParse(line + "\r\nHost: a\r\n\r\n", limits, out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryParseHead_RequestLineOverLimit_Rejects414EvenBeforeItEnds(bool complete)
    {
        var limits = Limits with { MaxRequestLineBytes = 64 };
        string line = "GET /" + new string('a', 65 - "GET / HTTP/1.1".Length) + " HTTP/1.1";
        string message = complete ? line + "\r\nHost: a\r\n\r\n" : line + "\r";

        HttpRequestRejectedException ex = Reject(Encoding.ASCII.GetBytes(message), limits);

        Assert.Equal(414, ex.StatusCode);
        Assert.Contains("longer than 64 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseHead_HeadersAtLimit_Parse()
    {
        var limits = Limits with { MaxRequestHeadersBytes = 64 };
        string headers = "Host: a\r\nX: " + new string('v', 64 - "Host: a\r\nX: \r\n\r\n".Length) + "\r\n\r\n";
        Assert.Equal(64, headers.Length);

        Assert.True(TryParse("GET / HTTP/1.1\r\n" + headers, limits, out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryParseHead_HeadersOverLimit_Rejects431EvenBeforeTheyEnd(bool complete)
    {
        var limits = Limits with { MaxRequestHeadersBytes = 64 };
        string message = complete
            ? "GET / HTTP/1.1\r\nHost: a\r\nX: " + new string('v', 65 - "Host: a\r\nX: \r\n\r\n".Length) + "\r\n\r\n"
            : "GET / HTTP/1.1\r\nHost: a\r\nX: " + new string('v', 60);

        HttpRequestRejectedException ex = Reject(Encoding.ASCII.GetBytes(message), limits);

        Assert.Equal(431, ex.StatusCode);
        Assert.Contains("larger than 64 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseHead_ContentLengthAtLimit_Parses()
    {
        var limits = Limits with { MaxRequestBodyBytes = 10 };

        Assert.True(TryParse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n", limits, out RequestHead head));
        Assert.Equal(10, head.ContentLength);
    }

    private static RequestHead ParseText(string message)
    {
        Assert.True(TryParse(message, Limits, out RequestHead head));
        return head;
    }

    private static bool TryParse(string message, RequestLimits limits, out RequestHead head)
    {
        head = new RequestHead();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(message)));
        return Http1RequestParser.TryParseHead(ref reader, head, limits);
    }

    private static RequestHead Parse(ReadOnlySequence<byte> sequence, int expectedConsumed)
    {
        var head = new RequestHead();
        var reader = new SequenceReader<byte>(sequence);
        Assert.True(Http1RequestParser.TryParseHead(ref reader, head, Limits));
        Assert.Equal(expectedConsumed, reader.Consumed);
        return head;
    }

    private static HttpRequestRejectedException Reject(byte[] bytes, RequestLimits limits) =>
        Assert.Throws<HttpRequestRejectedException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            Http1RequestParser.TryParseHead(ref reader, new RequestHead(), limits);
        });

    private static void AssertSame(RequestHead expected, RequestHead actual)
    {
        Assert.Equal(expected.Method, actual.Method);
        Assert.Equal(expected.RawTarget, actual.RawTarget);
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(expected.RawPath, actual.RawPath);
        Assert.Equal(expected.QueryString, actual.QueryString);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.ContentLength, actual.ContentLength);
        Assert.Equal(expected.Chunked, actual.Chunked);
        Assert.Equal(expected.KeepAlive, actual.KeepAlive);
        Assert.Equal(expected.ExpectContinue, actual.ExpectContinue);
        Assert.Equal(expected.Headers.ToList(), actual.Headers.ToList());
    }
}
