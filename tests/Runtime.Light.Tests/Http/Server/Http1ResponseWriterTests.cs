using System;
using System.Text;
using System.Text.RegularExpressions;
using Runtime.Engine.Buffers;
using Runtime.Light.Http.Server;
using Xunit;

namespace Runtime.Light.Tests.Http.Server;

public sealed class Http1ResponseWriterTests
{
    private static readonly Regex DateLine = new(@"Date: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\r\n", RegexOptions.CultureInvariant);

    [Fact]
    public void TryWriteHead_Typical_WritesStatusHeadersDateAndLength()
    {
        var response = new HttpServerResponse { StatusCode = 201 };
        response.Headers.Add("Content-Type", "application/json");
        response.Headers.Add("Set-Cookie", "a=1");
        response.Headers.Add("Set-Cookie", "b=\u4e2d");
        response.Body.Write("{}"u8);

        string head = Write(response, isHead: false, close: false, keepAliveHttp10: false);

        Assert.Equal(
            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nSet-Cookie: a=1\r\nSet-Cookie: b=\u4e2d\r\n<date>Content-Length: 2\r\n\r\n",
            DateLine.Replace(head, "<date>"));
    }

    [Fact]
    public void TryWriteHead_FramingHeadersFromTheHandler_AreDropped()
    {
        var response = new HttpServerResponse();
        response.Headers.Add("content-length", "999");
        response.Headers.Add("Transfer-Encoding", "chunked");
        response.Headers.Add("Connection", "upgrade");
        response.Headers.Add("Date", "Sun, 06 Nov 1994 08:49:37 GMT");

        string head = Write(response, isHead: false, close: true, keepAliveHttp10: false);

        Assert.Equal("HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", head);
    }

    [Theory]
    [InlineData(204, false, "HTTP/1.1 204 No Content\r\n<date>\r\n")]
    [InlineData(304, false, "HTTP/1.1 304 Not Modified\r\n<date>\r\n")]
    [InlineData(200, true, "HTTP/1.1 200 OK\r\n<date>Content-Length: 5\r\n\r\n")]
    [InlineData(299, false, "HTTP/1.1 299 \r\n<date>Content-Length: 5\r\n\r\n")]
    public void TryWriteHead_BodylessAndUnknownStatuses_AreFramedRight(int status, bool isHead, string expected)
    {
        var response = new HttpServerResponse { StatusCode = status };
        response.Body.Write("hello"u8);

        Assert.Equal(expected, DateLine.Replace(Write(response, isHead, close: false, keepAliveHttp10: false), "<date>"));
        Assert.Equal(status is not (204 or 304) && !isHead, Http1ResponseWriter.HasBody(status, isHead));
    }

    [Fact]
    public void TryWriteHead_HeadWithoutBody_SendsNoLength()
    {
        Assert.Equal("HTTP/1.1 200 OK\r\n<date>\r\n", DateLine.Replace(Write(new HttpServerResponse(), true, false, false), "<date>"));
    }

    [Fact]
    public void TryWriteHead_Http10KeepAlive_SaysSo()
    {
        Assert.EndsWith("Content-Length: 0\r\nConnection: keep-alive\r\n\r\n", Write(new HttpServerResponse(), false, false, true), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(199)]
    [InlineData(1000)]
    [InlineData(0)]
    public void TryWriteHead_NonFinalStatus_IsAProblem(int status)
    {
        using var output = new PooledBufferWriter();
        Assert.Contains("status code", Http1ResponseWriter.TryWriteHead(output, new HttpServerResponse { StatusCode = status }, false, false, false));
    }

    [Theory]
    [InlineData("X-Split", "a\r\nInjected: 1", "contains CR, LF or NUL")]
    [InlineData("X-Nul", "a\0b", "contains CR, LF or NUL")]
    [InlineData("Bad Name", "x", "not a token")]
    [InlineData("", "x", "not a token")]
    [InlineData("N\u00e4me", "x", "not a token")]
    public void TryWriteHead_HeaderThatCouldSplitTheHead_IsAProblem(string name, string value, string expected)
    {
        using var output = new PooledBufferWriter();
        var response = new HttpServerResponse();
        response.Headers.Add(name, value);

        Assert.Contains(expected, Http1ResponseWriter.TryWriteHead(output, response, false, false, false));
    }

    [Fact]
    public void WriteError_WritesPlainTextThatCloses()
    {
        using var output = new PooledBufferWriter();

        Http1ResponseWriter.WriteError(output, 431, "Too big.");

        Assert.Equal(
            "HTTP/1.1 431 Request Header Fields Too Large\r\n<date>Content-Type: text/plain; charset=utf-8\r\nContent-Length: 8\r\nConnection: close\r\n\r\nToo big.",
            DateLine.Replace(Encoding.UTF8.GetString(output.WrittenSpan), "<date>"));
    }

    private static string Write(HttpServerResponse response, bool isHead, bool close, bool keepAliveHttp10)
    {
        using var output = new PooledBufferWriter();
        Assert.Null(Http1ResponseWriter.TryWriteHead(output, response, isHead, close, keepAliveHttp10));
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
