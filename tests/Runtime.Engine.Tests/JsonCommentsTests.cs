using System;
using System.Text;
using System.Text.Json;
using Runtime.Engine.Json;
using Xunit;

namespace Runtime.Engine.Tests;

public sealed class JsonCommentsTests
{
    [Theory]
    [InlineData("{\"a\":1} // tail", "{\"a\":1} ")]
    [InlineData("{\n  // one\n  \"a\": 1\n}", "{\n  \n  \"a\": 1\n}")]
    [InlineData("{/* x\n y */\"a\":1}", "{\n\"a\":1}")]
    [InlineData("{\"u\":\"http://x\"}", "{\"u\":\"http://x\"}")]
    [InlineData("{\"q\":\"a\\\"//b\"}", "{\"q\":\"a\\\"//b\"}")]
    [InlineData("{\"a\":1 /* open", "{\"a\":1 /* open")]
    [InlineData("{\"a\":1}\r\n// x\r\n", "{\"a\":1}\r\n\r\n")]
    [InlineData("/", "/")]
    public void Strip_RemovesCommentsOutsideStrings_KeepingLineBreaks(string input, string expected)
    {
        ReadOnlyMemory<byte> stripped = JsonComments.Strip(Encoding.UTF8.GetBytes(input));

        Assert.Equal(expected, Encoding.UTF8.GetString(stripped.Span));
    }

    [Fact]
    public void Strip_WithoutASlash_ReturnsTheSameMemory()
    {
        ReadOnlyMemory<byte> json = Encoding.UTF8.GetBytes("{\"a\":[1,2]}");

        Assert.True(JsonComments.Strip(json).Equals(json));
    }

    [Fact]
    public void Strip_ThenAStrictParse_ReadsWhatTheParsersSkippingReads()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\n  // the layer\n  \"name\": \"m/*x*/\", /* inline */ \"n\": [1, /**/ 2]\n}\n// end");
        using JsonDocument skipped = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        using JsonDocument strict = JsonDocument.Parse(JsonComments.Strip(json));

        Assert.Equal(Minified(skipped.RootElement), Minified(strict.RootElement));
        Assert.Equal("m/*x*/", strict.RootElement.GetProperty("name").GetString());
    }

    private static string Minified(JsonElement element)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
