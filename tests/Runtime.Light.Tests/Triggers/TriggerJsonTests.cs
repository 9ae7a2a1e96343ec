using System;
using System.Collections.Generic;
using System.Text;
using Runtime.Engine.Http;
using Runtime.Light.Triggers;
using Xunit;

namespace Runtime.Light.Tests.Triggers;

/// <summary>
/// Events whose strings are not text. Found by tests/Fuzz (corpus/triggers/regress-*): JsonDocument accepts invalid
/// UTF-8 and unpaired surrogate escapes, and reading them threw InvalidOperationException from inside every codec
/// (even TryGetProperty, on an object with such a property name). They are not JSON (RFC 8259 §8.1), so not HTTP events.
/// </summary>
public sealed class TriggerJsonTests
{
    public static IEnumerable<object[]> NotText()
    {
        string[] events =
        {
            """{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"}},"headers":{"a":"\ud800"}}""",
            """{"\udc00":1,"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"}}}""",
            """{"resource":"/","httpMethod":"GET","path":"/","multiValueHeaders":{"\ud800\ud800":["x"]}}""",
            """{"httpMethod":"GET","path":"/","headers":{},"queryString":{"a":["\udfff"]}}""",
            """{"httpMethod":"GET","path":"/\ud834","requestContext":{"apiId":"a"}}""",
            """{"version":"v1","rawPath":"/","requestContext":{"http":{}},"queryParameters":{"q":"\ud800x"}}""",
            """{"Data":{"req":{"Method":"GET","Url":"http://h/","Headers":{"\udc00":["v"]}}}}""",
            """{"requestContext":{"elb":{}},"httpMethod":"GET","path":"/","headers":{"x-forwarded-for":"LONE"}}""", // LONE: 0xC3 below
        };
        IHttpEventCodec[] codecs = { new AwsHttpCodec(), new AlibabaHttpCodec(), new TencentHttpCodec(), new HuaweiApigCodec(), new AzureHttpCodec() };
        foreach (string json in events)
        {
            foreach (IHttpEventCodec codec in codecs)
            {
                yield return new object[] { codec.GetType().Name, json };
            }
        }
    }

    [Theory]
    [MemberData(nameof(NotText))]
    public void TryDecode_StringThatIsNotText_IsNotAnHttpEvent(string codecName, string json)
    {
        IHttpEventCodec codec = codecName switch
        {
            nameof(AwsHttpCodec) => new AwsHttpCodec(),
            nameof(AlibabaHttpCodec) => new AlibabaHttpCodec(),
            nameof(TencentHttpCodec) => new TencentHttpCodec(),
            nameof(HuaweiApigCodec) => new HuaweiApigCodec(),
            _ => new AzureHttpCodec(),
        };
        byte[] payload = Encoding.UTF8.GetBytes(json);
        int lone = json.IndexOf("LONE", StringComparison.Ordinal);
        if (lone >= 0)
        {
            payload = Encoding.UTF8.GetBytes(json.Replace("LONE", "L"));
            payload[lone] = 0xC3; // a UTF-8 lead byte with no continuation
        }

        Assert.False(codec.TryDecode(payload, out _));
    }

    [Fact]
    public void TryDecode_ValidSurrogatePairEscape_StillDecodes()
    {
        byte[] payload = """{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"}},"headers":{"x-emoji":"\ud83d\ude00"}}"""u8.ToArray();

        Assert.True(new AwsHttpCodec().TryDecode(payload, out FaaSRequest? request));
        Assert.Equal("\U0001F600", request!.Headers.Get("x-emoji"));
    }
}
