using System;
using System.Text;
using System.Text.Json;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;
using Runtime.Light.Triggers;
using Xunit;

namespace Runtime.Light.Tests.Triggers;

/// <summary>Huawei APIG, Alibaba FC 3.0 / API Gateway and Azure custom-handler HTTP payloads, on the shared fixtures.</summary>
public sealed class OtherHttpCodecTests
{
    private static FaaSRequest Decode(IHttpEventCodec codec, string fixture)
    {
        Assert.True(codec.TryDecode(Fixture.Bytes(fixture), out FaaSRequest? request), fixture + " should be HTTP-shaped");
        return request!;
    }

    private static JsonElement Encode(IHttpEventCodec codec, FaaSRequest request, Action<FaaSResponse> write)
    {
        using var body = new PooledBufferWriter();
        FaaSResponse response = AwsHttpCodecTests.Response(body);
        write(response);
        using var output = new PooledBufferWriter();
        Assert.Equal("application/json", codec.Encode(request, response, output));
        return JsonDocument.Parse(output.WrittenMemory.ToArray()).RootElement;
    }

    [Fact]
    public void Huawei_DocSample_FlaggedBase64ButPlainText_IsReadAsText()
    {
        FaaSRequest request = Decode(new HuaweiApigCodec(), "huawei/apig-doc.json");

        Assert.Equal("GET", request.Method);
        Assert.Equal("/apig-event-template", request.Path);
        Assert.Equal("{\"test\":\"body\"}", request.BodyText);
        Assert.Equal("html", request.Query["responseType"]);
        Assert.Equal("value", request.PathParameters["path"]);
        Assert.Equal("103.218.216.98", request.ClientIp);
    }

    [Fact]
    public void Huawei_RealBase64Body_IsDecoded()
    {
        Assert.Equal("{\"name\": \"OpenTelekomCloud\"}", Decode(new HuaweiApigCodec(), "huawei/apig-base64.json").BodyText);
    }

    [Fact]
    public void Huawei_GreedyPathParameter_UnderTheEmptyKey()
    {
        FaaSRequest request = Decode(new HuaweiApigCodec(), "huawei/apig-path-params-captured.json");

        Assert.Equal("helloWorld/Test", request.PathParameters[""]);
        Assert.True(request.Body.IsEmpty);
        Assert.Equal("198.51.100.12", request.ClientIp);
    }

    [Theory]
    [InlineData("huawei/apig-get.json")]
    public void Huawei_OtherSamples_AreHttp(string fixture) => Decode(new HuaweiApigCodec(), fixture);

    [Fact]
    public void Huawei_Timer_IsNotHttp()
    {
        Assert.False(new HuaweiApigCodec().TryDecode(Fixture.Bytes("huawei/timer.json"), out _));
    }

    [Fact]
    public void Huawei_Encode_IsTheApigShape()
    {
        FaaSRequest request = Decode(new HuaweiApigCodec(), "huawei/apig-get.json");

        JsonElement json = Encode(new HuaweiApigCodec(), request, r => { r.StatusCode = 201; r.ContentType = "text/plain"; r.Write("ok"); });

        Assert.Equal(201, json.GetProperty("statusCode").GetInt32());
        Assert.Equal("ok", json.GetProperty("body").GetString());
        Assert.False(json.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("text/plain", json.GetProperty("headers").GetProperty("Content-Type").GetString());
    }

    [Theory]
    [InlineData("alibaba/fc3-http-trigger-doc.json", "GET", "/example", "Hello FC!")]
    [InlineData("alibaba/fc3-http-trigger-captured.json", null, null, null)]
    public void Alibaba_Fc3Event_ReadsMethodPathQueryAndBody(string fixture, string? method, string? path, string? body)
    {
        FaaSRequest request = Decode(new AlibabaHttpCodec(), fixture);

        Assert.Equal(AlibabaHttpCodec.Fc3HttpTrigger, request.Shape);
        if (method is not null)
        {
            Assert.Equal(method, request.Method);
            Assert.Equal(path, request.Path);
            Assert.Equal(body, request.BodyText);
            Assert.Equal("value1,value2", request.Query["parameter2"]);
            Assert.Equal("value1,value2", request.Headers["header2"]);
        }
    }

    [Fact]
    public void Alibaba_ApiGatewayCapture_Base64FlagWithEmptyBody()
    {
        FaaSRequest request = Decode(new AlibabaHttpCodec(), "alibaba/apigw-trigger-captured.json");

        Assert.Equal(AlibabaHttpCodec.ApiGateway, request.Shape);
        Assert.Equal("GET", request.Method);
        Assert.True(request.Body.IsEmpty);
        Assert.Equal("203.0.113.74", request.ClientIp);
    }

    [Theory]
    [InlineData("alibaba/oss-put.json")]
    [InlineData("alibaba/timer-doc.json")]
    public void Alibaba_NonHttp_IsNotHttp(string fixture)
    {
        Assert.False(new AlibabaHttpCodec().TryDecode(Fixture.Bytes(fixture), out _));
    }

    [Fact]
    public void Alibaba_Encode_SeveralCookiesAsArrayAndBinaryAsBase64()
    {
        FaaSRequest request = Decode(new AlibabaHttpCodec(), "alibaba/fc3-http-trigger-doc.json");

        JsonElement json = Encode(new AlibabaHttpCodec(), request, r =>
        {
            r.ContentType = "application/octet-stream";
            r.Cookies.Add("a=1");
            r.Cookies.Add("b=2");
            r.Write(new byte[] { 0, 1, 2, 255 });
        });

        Assert.True(json.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, Convert.FromBase64String(json.GetProperty("body").GetString()!));
        Assert.Equal(2, json.GetProperty("headers").GetProperty("Set-Cookie").GetArrayLength());
    }

    private static byte[] AzureBody(string fixture)
    {
        string text = Encoding.UTF8.GetString(Fixture.Bytes(fixture)).Replace("\r\n", "\n");
        return Encoding.UTF8.GetBytes(text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public void Azure_CapturedPayload_ReadsTheHttpTrigger()
    {
        Assert.True(new AzureHttpCodec().TryDecode(AzureBody("azure/custom-handler-http-captured.http"), out FaaSRequest? request));

        Assert.Equal("GET", request!.Method);
        Assert.Equal("/api/SimpleHttpTrigger", request.Path);
        Assert.Equal("PostmanRuntime/7.37.3", request.Headers["User-Agent"]);
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void Azure_DocPayloadWithStringQuery_StillReads()
    {
        Assert.True(new AzureHttpCodec().TryDecode(AzureBody("azure/custom-handler-http-doc.http"), out FaaSRequest? request));

        Assert.False(string.IsNullOrEmpty(request!.Method));
    }

    [Fact]
    public void Azure_QueuePayload_IsNotHttp()
    {
        Assert.False(new AzureHttpCodec().TryDecode(Fixture.Bytes("azure/custom-handler-queue-doc.json"), out _));
    }

    [Fact]
    public void Azure_RepeatedQueryKeys_ComeFromTheUrl()
    {
        byte[] payload = Encoding.UTF8.GetBytes(
            """{"Data":{"req":{"Url":"http://h/api/x?a=1&a=2&b=%20","Method":"POST","Query":{"a":"1,2"},"Headers":{"Content-Type":["application/octet-stream"]},"Params":{"id":"7"},"Body":"AAEC"}},"Metadata":{}}""");

        Assert.True(new AzureHttpCodec().TryDecode(payload, out FaaSRequest? request));

        Assert.Equal(new[] { "1", "2" }, request!.Query.GetValues("a"));
        Assert.Equal(" ", request.Query["b"]);
        Assert.Equal("7", request.PathParameters["id"]);
        Assert.Equal(new byte[] { 0, 1, 2 }, request.Body.ToArray());
    }

    [Fact]
    public void Azure_BadBase64Body_IsInvalidEvent()
    {
        byte[] payload = Encoding.UTF8.GetBytes(
            """{"Data":{"req":{"Url":"http://h/x","Method":"POST","Headers":{"Content-Type":["application/octet-stream"]},"Body":"**"}}}""");

        Assert.Equal(ErrorTypes.InvalidEvent, Assert.Throws<FaaSRuntimeException>(() => new AzureHttpCodec().TryDecode(payload, out _)).ErrorType);
    }

    [Fact]
    public void Azure_Encode_PutsTheResponseUnderResAndReturnValue()
    {
        Assert.True(new AzureHttpCodec().TryDecode(AzureBody("azure/custom-handler-http-captured.http"), out FaaSRequest? request));

        JsonElement json = Encode(new AzureHttpCodec(), request!, r => { r.StatusCode = 404; r.ContentType = "text/plain"; r.Write("nope"); });

        JsonElement res = json.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(404, res.GetProperty("statusCode").GetInt32());
        Assert.Equal("nope", res.GetProperty("body").GetString());
        Assert.Equal(404, json.GetProperty("ReturnValue").GetProperty("statusCode").GetInt32());
        Assert.Equal(0, json.GetProperty("Logs").GetArrayLength());
    }
}
