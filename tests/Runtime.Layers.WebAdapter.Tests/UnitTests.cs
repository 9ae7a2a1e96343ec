using Xunit;

namespace Runtime.Layers.WebAdapter.Tests;

/// <summary>The small parsers and path rules, on their own.</summary>
public sealed class UnitTests
{
    [Theory]
    [InlineData("200-399,404", 200, true)]
    [InlineData("200-399,404", 399, true)]
    [InlineData("200-399,404", 404, true)]
    [InlineData("200-399,404", 400, false)]
    [InlineData(" 500 , 502 - 504 ", 503, true)]
    [InlineData(" 500 , 502 - 504 ", 501, false)]
    public void StatusCodeSet_ParsesCodesAndRanges(string text, int status, bool contained)
    {
        Assert.True(StatusCodeSet.TryParse(text, out StatusCodeSet? set));
        Assert.Equal(contained, set!.Contains(status));
    }

    [Theory]
    [InlineData("")]
    [InlineData("200,")]
    [InlineData("abc")]
    [InlineData("99")]
    [InlineData("600")]
    [InlineData("300-200")]
    [InlineData("200-300-400")]
    public void StatusCodeSet_RejectsWhatIsNotAList(string text) => Assert.False(StatusCodeSet.TryParse(text, out _));

    [Theory]
    [InlineData("/api/order", "/api", "/order")]
    [InlineData("/api/api/order", "/api", "/api/order")]
    [InlineData("/api", "/api", "/")]
    [InlineData("/apiorder", "/api", "/apiorder")]
    [InlineData("/other", "/api", "/other")]
    [InlineData("/api/x", null, "/api/x")]
    public void RemoveBase_StripsOnceOnASegmentBoundary(string path, string? basePath, string expected) =>
        Assert.Equal(expected, UrlPath.RemoveBase(path, basePath));

    [Theory]
    [InlineData("/plain/path-1_2.3~", "/plain/path-1_2.3~")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/100%", "/100%25")]
    [InlineData("/q?x#y", "/q%3Fx%23y")]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("/emoji/😀", "/emoji/%F0%9F%98%80")]
    [InlineData("/keep:@!$&'()*+,;=", "/keep:@!$&'()*+,;=")]
    public void Escape_EncodesWhatAPathCannotCarry(string path, string expected) => Assert.Equal(expected, UrlPath.Escape(path));

    [Theory]
    [InlineData(new[] { "gzip, br" }, "br")]
    [InlineData(new[] { "gzip;q=1, br;q=0.9" }, "gzip")]
    [InlineData(new[] { "identity" }, null)]
    [InlineData(new[] { "br;q=0", "gzip" }, "gzip")]
    [InlineData(new[] { "*" }, null)]
    public void Choose_PicksTheHighestQ_TiesPreferBrotli(string[] headers, string? expected) =>
        Assert.Equal(expected, ResponseCompressor.Choose(headers));
}
