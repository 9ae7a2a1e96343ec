using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using Runtime.Engine.Json;
using Xunit;

namespace Runtime.Engine.Tests;

public sealed class AsciiJsonEncoderTests
{
    public static TheoryData<string> Texts => new()
    {
        "",
        "probe-1",
        "plain ASCII with spaces, <html> & 'quotes' + `ticks`",
        "quote \" backslash \\ slash /",
        "controls \u0000 \u0001 \t \n \r \u001f and DEL \u007f",
        "Grüße, 你好, ñ",
        "emoji 😀 and a musical G clef 𝄞",
        "\u2028 and \u2029 line separators",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void StringValues_RoundTrip_AsAsciiJson(string text)
    {
        string json = Write(writer => writer.WriteStringValue(text));

        Assert.All(json, c => Assert.InRange(c, (char)0x20, (char)0x7E));
        Assert.Equal(text, JsonDocument.Parse(json).RootElement.GetString());
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Utf8ValuesAndPropertyNames_RoundTrip(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        string json = Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString(utf8, utf8);
            writer.WriteEndObject();
        });

        JsonProperty property = JsonDocument.Parse(json).RootElement.EnumerateObject().Single();
        Assert.Equal(text, property.Name);
        Assert.Equal(text, property.Value.GetString());
    }

    [Fact]
    public void EscapesOnlyWhatItMust_InPrintableAscii()
    {
        string json = Write(writer => writer.WriteStringValue("a<b>&'c\"d\\e"));

        Assert.Equal("\"a<b>&'c\\u0022d\\u005Ce\"", json);
    }

    [Fact]
    public void SupplementaryCharacter_IsASurrogatePairOfEscapes()
    {
        Assert.Equal("\"\\uD83D\\uDE00\"", Write(writer => writer.WriteStringValue("😀")));
    }

    private static string Write(System.Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = AsciiJsonEncoder.Instance }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
