using System;
using System.Text;
using System.Text.Json;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;
using Runtime.Light.Triggers;
using Xunit;

namespace Runtime.Light.Tests.Triggers;

public sealed class AwsHttpCodecTests
{
    private readonly AwsHttpCodec _codec = new();

    private FaaSRequest Decode(string fixture)
    {
        Assert.True(_codec.TryDecode(Fixture.Bytes(fixture), out FaaSRequest? request), fixture + " should be HTTP-shaped");
        return request!;
    }

    [Fact]
    public void Decode_RestV1Capture_ReadsMethodPathHeadersAndCookies()
    {
        FaaSRequest request = Decode("aws/apigw-rest-v1-get.json");

        Assert.Equal(AwsHttpCodec.ApiGatewayV1, request.Shape);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/", request.Path);
        // multiValueHeaders wins over the (redaction-mangled) single map, as the richest field.
        Assert.Equal("70ixmpl4fl.execute-api.ca-central-1.amazonaws.com", request.Headers["host"]);
        Assert.Equal("pre-register", request.Cookies["regStatus"]);
        Assert.Equal(0, request.Query.Count);
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void Decode_RestV1MultiValue_KeepsEveryQueryValueAndTheBody()
    {
        FaaSRequest request = Decode("aws/apigw-rest-v1-post-multivalue.json");

        Assert.Equal("POST", request.Method);
        Assert.Equal(new[] { "you", "me" }, request.Query.GetValues("multiValueName"));
        Assert.False(request.Body.IsEmpty);
        Assert.NotEmpty(request.PathParameters);
    }

    [Fact]
    public void Decode_ConsoleTestEvent_WithNullMapsAndNonIpSource_Works()
    {
        FaaSRequest request = Decode("aws/apigw-rest-v1-console-test.json");

        Assert.Equal(0, request.Headers.Count);
        Assert.Equal("test-invoke-source-ip", request.ClientIp);
    }

    [Fact]
    public void Decode_Payload10OnHttpApi_IsV1Shaped()
    {
        FaaSRequest request = Decode("aws/apigw-http-v1-payload-get-multivalue.json");

        Assert.Equal(AwsHttpCodec.ApiGatewayV1, request.Shape);
        Assert.True(request.Query.GetValues("parameter1").Count >= 2);
    }

    [Fact]
    public void Decode_V2WithBom_ParsesRawQueryForRepeatedKeys()
    {
        FaaSRequest request = Decode("aws/apigw-http-v2-get-multivalue-query.json");

        Assert.Equal(AwsHttpCodec.ApiGatewayV2, request.Shape);
        Assert.Equal("/api/querystring", request.Path);
        Assert.Equal(new[] { "value1", "value2" }, request.Query.GetValues("mv-test"));
        Assert.Equal("192.0.2.40", request.ClientIp);
    }

    [Fact]
    public void Decode_V2CookiesOnlyInArray_RebuildsTheCookieHeader()
    {
        FaaSRequest request = Decode("aws/apigw-http-v2-get-cookies.json");

        Assert.NotNull(request.Headers["Cookie"]);
        Assert.True(request.Cookies.Count > 0);
        Assert.True(request.Body.IsEmpty); // isBase64Encoded: true with no body key
    }

    [Fact]
    public void Decode_FunctionUrlWithCookieHeaderAndArray_DoesNotDoubleCookies()
    {
        FaaSRequest request = Decode("aws/function-url-post-cookies.json");

        Assert.Single(request.Headers.GetValues("cookie"));
        Assert.Equal("bar", request.Cookies["foo"]);
        Assert.Equal("{\"hello\": \"world\"}", request.BodyText);
        Assert.Equal("h1,h2", request.Headers["header2"]);
    }

    [Fact]
    public void Decode_FunctionUrlBase64_DecodesTheBody()
    {
        FaaSRequest request = Decode("aws/function-url-post-base64.json");

        Assert.Equal("<idk/>", request.BodyText);
        Assert.Equal("idk", request.ContentType);
    }

    [Fact]
    public void Decode_FunctionUrlGetWithoutOptionalKeys_Works()
    {
        FaaSRequest request = Decode("aws/function-url-get.json");

        Assert.Equal("GET", request.Method);
        Assert.Equal("/", request.Path);
    }

    [Theory]
    [InlineData("aws/alb-single-value.json", false)]
    [InlineData("aws/alb-multi-value.json", true)]
    [InlineData("aws/alb-multi-value-query.json", true)]
    [InlineData("aws/alb-health-check.json", false)]
    public void Decode_Alb_RemembersTheHeaderMode(string fixture, bool multiValue)
    {
        FaaSRequest request = Decode(fixture);

        Assert.Equal(AwsHttpCodec.Alb, request.Shape);
        Assert.Equal(multiValue, request.CodecState);
    }

    [Fact]
    public void Decode_AlbMultiValue_KeepsRepeatedQueryAndHeaders()
    {
        FaaSRequest request = Decode("aws/alb-multi-value-query.json");

        Assert.Equal(new[] { "value1", "value2" }, request.Query.GetValues("parameter1"));
        Assert.Equal(new[] { "value1", "value2" }, request.Headers.GetValues("header2"));
        Assert.Equal("123.123.123.123", request.ClientIp);
    }

    [Theory]
    [InlineData("aws/sqs.json")]
    [InlineData("aws/s3-put.json")]
    [InlineData("aws/scheduled.json")]
    [InlineData("tencent/timer-captured.json")]
    public void Decode_NonHttpEvent_IsNotHttp(string fixture)
    {
        Assert.False(_codec.TryDecode(Fixture.Bytes(fixture), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"httpMethod\":")]
    public void Decode_NotAnObject_IsNotHttp(string payload)
    {
        Assert.False(_codec.TryDecode(Encoding.UTF8.GetBytes(payload), out _));
    }

    [Fact]
    public void Decode_BadBase64Body_ThrowsInvalidEvent()
    {
        byte[] payload = Encoding.UTF8.GetBytes("""{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"POST"}},"body":"***","isBase64Encoded":true}""");

        FaaSRuntimeException ex = Assert.Throws<FaaSRuntimeException>(() => _codec.TryDecode(payload, out _));

        Assert.Equal(ErrorTypes.InvalidEvent, ex.ErrorType);
    }

    [Fact]
    public void Encode_V2_PutsCookiesInTheirArrayAndJoinsHeaders()
    {
        FaaSRequest request = Decode("aws/apigw-http-v2-get-cookies.json");
        using var body = new PooledBufferWriter();
        FaaSResponse response = Response(body);
        response.StatusCode = 201;
        response.ContentType = "text/plain";
        response.Headers.Add("X-A", "1");
        response.Headers.Add("X-A", "2");
        response.Cookies.Add("a=1; Path=/");
        response.Cookies.Add("b=2");
        response.Write("created");

        JsonElement json = Encode(request, response);

        Assert.Equal(201, json.GetProperty("statusCode").GetInt32());
        Assert.Equal("1,2", json.GetProperty("headers").GetProperty("X-A").GetString());
        Assert.Equal(2, json.GetProperty("cookies").GetArrayLength());
        Assert.False(json.GetProperty("headers").TryGetProperty("Set-Cookie", out _));
        Assert.Equal("created", json.GetProperty("body").GetString());
        Assert.False(json.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public void Encode_V1_UsesMultiValueHeadersForRepeatsAndCookies()
    {
        FaaSRequest request = Decode("aws/apigw-rest-v1-get.json");
        using var body = new PooledBufferWriter();
        FaaSResponse response = Response(body);
        response.Headers.Add("Vary", "a");
        response.Headers.Add("Vary", "b");
        response.Cookies.Add("a=1");
        response.Cookies.Add("b=2");

        JsonElement json = Encode(request, response);

        JsonElement headers = json.GetProperty("multiValueHeaders");
        Assert.Equal(2, headers.GetProperty("Vary").GetArrayLength());
        Assert.Equal(2, headers.GetProperty("Set-Cookie").GetArrayLength());
    }

    [Fact]
    public void Encode_Binary_IsBase64AndRoundTrips()
    {
        FaaSRequest request = Decode("aws/function-url-get.json");
        using var body = new PooledBufferWriter();
        FaaSResponse response = Response(body);
        response.ContentType = "image/png";
        byte[] png = { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF };
        response.Write(png);

        JsonElement json = Encode(request, response);

        Assert.True(json.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(png, Convert.FromBase64String(json.GetProperty("body").GetString()!));
    }

    [Fact]
    public void Encode_TextTypeWithInvalidUtf8_FallsBackToBase64()
    {
        FaaSRequest request = Decode("aws/function-url-get.json");
        using var body = new PooledBufferWriter();
        FaaSResponse response = Response(body);
        response.ContentType = "text/plain";
        response.Write(new byte[] { 0xC3, 0x28 });

        Assert.True(Encode(request, response).GetProperty("isBase64Encoded").GetBoolean());
    }

    [Theory]
    [InlineData("aws/alb-multi-value.json", "multiValueHeaders", "headers")]
    [InlineData("aws/alb-single-value.json", "headers", "multiValueHeaders")]
    public void Encode_Alb_AnswersInTheRequestsHeaderModeWithStatusDescription(string fixture, string present, string absent)
    {
        FaaSRequest request = Decode(fixture);
        using var body = new PooledBufferWriter();
        FaaSResponse response = Response(body);
        response.StatusCode = 404;
        response.Headers.Add("X-A", "1");

        JsonElement json = Encode(request, response);

        Assert.Equal("404 Not Found", json.GetProperty("statusDescription").GetString());
        Assert.True(json.TryGetProperty(present, out _));
        Assert.False(json.TryGetProperty(absent, out _));
    }

    internal static FaaSResponse Response(PooledBufferWriter body) =>
        (FaaSResponse)Activator.CreateInstance(typeof(FaaSResponse), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, null, new object[] { body }, null)!;

    private JsonElement Encode(FaaSRequest request, FaaSResponse response)
    {
        using var output = new PooledBufferWriter();
        Assert.Equal("application/json", _codec.Encode(request, response, output));
        return JsonDocument.Parse(output.WrittenMemory.ToArray()).RootElement;
    }
}
