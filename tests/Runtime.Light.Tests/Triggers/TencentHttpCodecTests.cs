using System.Text;
using System.Text.Json;
using Runtime.Engine.Buffers;
using Runtime.Engine.Http;
using Runtime.Light.Triggers;
using Xunit;

namespace Runtime.Light.Tests.Triggers;

public sealed class TencentHttpCodecTests
{
    private readonly TencentHttpCodec _codec = new();

    [Fact]
    public void Decode_Capture_ArrayAndBooleanQueryValues()
    {
        Assert.True(_codec.TryDecode(Fixture.Bytes("tencent/apigw-get-captured.json"), out FaaSRequest? request));

        Assert.Equal("GET", request!.Method); // the top-level method, not requestContext's "ANY"
        Assert.Equal("/ritchiechen-apigw-test", request.Path);
        Assert.Equal(new[] { "b", "c" }, request.Query.GetValues("a"));
        Assert.Equal("y", request.Query["x"]);
        Assert.Equal(string.Empty, request.Query["i"]);
        Assert.Equal("8.8.8.8", request.ClientIp);
    }

    [Fact]
    public void Decode_DocSample_ReadsPostAndBody()
    {
        Assert.True(_codec.TryDecode(Fixture.Bytes("tencent/apigw-post-doc.json"), out FaaSRequest? request));

        Assert.Equal("POST", request!.Method);
        Assert.False(request.Body.IsEmpty);
    }

    [Theory]
    [InlineData("tencent/timer-captured.json")]
    [InlineData("tencent/timer-doc.json")]
    [InlineData("tencent/cos-put-captured.json")]
    public void Decode_NonHttp_IsNotHttp(string fixture)
    {
        Assert.False(_codec.TryDecode(Fixture.Bytes(fixture), out _));
    }

    [Fact]
    public void Decode_FunctionUrlDocSample_IsNotValidJsonSoNotHttp()
    {
        // The published Function URL sample is not valid JSON (see the fixtures README): it must not be guessed at.
        Assert.False(_codec.TryDecode(Fixture.Bytes("tencent/function-url-doc-invalid.json"), out _));
    }

    [Fact]
    public void Decode_FunctionUrlShape_UsesRemoteAddrHeader()
    {
        byte[] payload = Encoding.UTF8.GetBytes(
            """{"httpMethod":"GET","path":"/x","headers":{"x-scf-remote-addr":"1.2.3.4"},"queryString":{},"body":""}""");

        Assert.True(_codec.TryDecode(payload, out FaaSRequest? request));
        Assert.Equal("1.2.3.4", request!.ClientIp);
    }

    [Fact]
    public void Encode_SeveralCookies_TravelAsAnArray()
    {
        Assert.True(_codec.TryDecode(Fixture.Bytes("tencent/apigw-get-captured.json"), out FaaSRequest? request));
        using var body = new PooledBufferWriter();
        FaaSResponse response = AwsHttpCodecTests.Response(body);
        response.Cookies.Add("a=1");
        response.Cookies.Add("b=2");
        response.ContentType = "text/html";
        response.Write("<p>hi</p>");
        using var output = new PooledBufferWriter();

        _codec.Encode(request!, response, output);

        JsonElement json = JsonDocument.Parse(output.WrittenMemory.ToArray()).RootElement;
        Assert.Equal(2, json.GetProperty("headers").GetProperty("Set-Cookie").GetArrayLength());
        Assert.Equal("<p>hi</p>", json.GetProperty("body").GetString());
        Assert.Equal(200, json.GetProperty("statusCode").GetInt32());
    }
}
