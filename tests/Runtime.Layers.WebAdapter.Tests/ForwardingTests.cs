using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Runtime.Engine;
using Runtime.Layers.WebAdapter.Tests.Support;
using Xunit;

namespace Runtime.Layers.WebAdapter.Tests;

/// <summary>Request and response mapping details: compression, AWS context headers, the Authorization source, spoofed headers.</summary>
public sealed class ForwardingTests
{
    private static readonly string s_big = string.Concat(Enumerable.Repeat("compress me please ", 200));

    private static Dictionary<string, string> Settings(FakeApp app, params (string Name, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["AWS_LWA_PORT"] = app.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach ((string name, string value) in extra)
        {
            settings[name] = value;
        }
        return settings;
    }

    private static Task<FakeApp> TextApp() => FakeApp.StartAsync(web =>
    {
        web.MapGet("/text", () => Results.Text(s_big, "text/plain"));
        web.MapGet("/tiny", () => Results.Text("small", "text/plain"));
        web.MapGet("/image", () => Results.Bytes(Encoding.ASCII.GetBytes(s_big), "image/png"));
        web.MapGet("/echo-headers", (HttpContext http) => Results.Text(string.Join("\n",
            http.Request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => h.Key.ToLowerInvariant() + ": " + h.Value))));
    });

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0.5, gzip;q=0.8", "gzip")]
    [InlineData("deflate", "deflate")]
    public async Task Compression_EncodesByAcceptEncoding(string accept, string expected)
    {
        await using FakeApp app = await TextApp();
        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(app, ("AWS_LWA_ENABLE_COMPRESSION", "true")));

        (InvocationResult result, TestResponse? response, _) = await harness.SendAsync(TestRequest.Get("/text").Header("Accept-Encoding", accept));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(expected, response!.Header("Content-Encoding"));
        Assert.Contains("Accept-Encoding", response.HeaderValues("Vary"));
        Assert.True(response.Body.Length < s_big.Length / 4);
        Assert.Equal(s_big, Decompress(expected, response.Body));
    }

    [Theory]
    [InlineData("/tiny", "gzip")]
    [InlineData("/image", "gzip")]
    [InlineData("/text", "identity")]
    [InlineData("/text", "gzip;q=0")]
    public async Task Compression_LeavesSmallBodiesImagesAndUnwantedEncodingsAlone(string path, string accept)
    {
        await using FakeApp app = await TextApp();
        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(app, ("AWS_LWA_ENABLE_COMPRESSION", "true")));

        (InvocationResult result, TestResponse? response, _) = await harness.SendAsync(TestRequest.Get(path).Header("Accept-Encoding", accept));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Null(response!.Header("Content-Encoding"));
    }

    [Fact]
    public async Task Compression_IsOffByDefault_AndUnderResponseStream()
    {
        await using FakeApp app = await TextApp();
        await using AdapterHarness plain = await AdapterHarness.StartAsync(Settings(app));
        await using AdapterHarness streaming = await AdapterHarness.StartAsync(Settings(app,
            ("AWS_LWA_ENABLE_COMPRESSION", "true"), ("AWS_LWA_INVOKE_MODE", "response_stream")));

        (_, TestResponse? first, _) = await plain.SendAsync(TestRequest.Get("/text").Header("Accept-Encoding", "gzip"));
        (_, TestResponse? second, _) = await streaming.SendAsync(TestRequest.Get("/text").Header("Accept-Encoding", "gzip"));

        Assert.Null(first!.Header("Content-Encoding"));
        Assert.Null(second!.Header("Content-Encoding"));
        Assert.Equal(s_big, second.Text);
        Assert.Contains(streaming.Events, e => e.RenderMessage().Contains("response_stream is served buffered"));
    }

    [Fact]
    public async Task OnAwsLambda_TheAppGetsLwasContextHeaders()
    {
        await using FakeApp app = await TextApp();
        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(app), platform: "aws-lambda");

        (InvocationResult result, TestResponse? response, string requestId) = await harness.SendAsync(TestRequest.Get("/echo-headers")
            .RequestContext("""{ "requestId": "apigw-1", "identity": { "sourceIp": "203.0.113.7" }, "stage": "$default" }"""));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        string[] lines = response!.Text.Split('\n');
        string requestContext = lines.Single(l => l.StartsWith("x-amzn-request-context: ", StringComparison.Ordinal))["x-amzn-request-context: ".Length..];
        string lambdaContext = lines.Single(l => l.StartsWith("x-amzn-lambda-context: ", StringComparison.Ordinal))["x-amzn-lambda-context: ".Length..];
        using JsonDocument request = JsonDocument.Parse(requestContext);
        Assert.Equal("apigw-1", request.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("203.0.113.7", request.RootElement.GetProperty("identity").GetProperty("sourceIp").GetString());
        using JsonDocument lambda = JsonDocument.Parse(lambdaContext);
        Assert.Equal(requestId, lambda.RootElement.GetProperty("request_id").GetString());
        Assert.True(lambda.RootElement.GetProperty("deadline").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal("webapp", lambda.RootElement.GetProperty("env_config").GetProperty("function_name").GetString());
        Assert.Equal(256, lambda.RootElement.GetProperty("env_config").GetProperty("memory").GetInt32());
    }

    [Fact]
    public async Task ElsewhereThanAws_OnlyTheNeutralHeaders_AndCallersCannotSpoofThem()
    {
        await using FakeApp app = await TextApp();
        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(app));

        (InvocationResult result, TestResponse? response, string requestId) = await harness.SendAsync(TestRequest.Get("/echo-headers")
            .Header("X-Faas-Request-Id", "forged").Header("Connection", "close").Header("Keep-Alive", "timeout=1"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Contains("x-faas-request-id: " + requestId, response!.Text);
        Assert.DoesNotContain("forged", response.Text);
        Assert.Contains("x-faas-deadline-ms: ", response.Text);
        Assert.DoesNotContain("x-amzn-lambda-context", response.Text);
        Assert.DoesNotContain("keep-alive: timeout", response.Text);
    }

    [Fact]
    public async Task AuthorizationSource_ReplacesAuthorization()
    {
        await using FakeApp app = await TextApp();
        await using AdapterHarness harness = await AdapterHarness.StartAsync(Settings(app, ("AWS_LWA_AUTHORIZATION_SOURCE", "X-Custom-Auth")));

        (InvocationResult result, TestResponse? response, _) = await harness.SendAsync(TestRequest.Get("/echo-headers")
            .Header("Authorization", "Basic old").Header("X-Custom-Auth", "Bearer token-1"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Contains("authorization: Bearer token-1", response!.Text);
        Assert.DoesNotContain("Basic old", response.Text);
        Assert.DoesNotContain("x-custom-auth", response.Text);
    }

    private static string Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream stream = encoding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => new ZLibStream(input, CompressionMode.Decompress),
        };
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
