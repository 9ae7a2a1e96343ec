using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Layers.WebAdapter.Tests.Support;
using Xunit;

namespace Runtime.Layers.WebAdapter.Tests;

/// <summary>The layer in front of a real Express 4 app from npm, started by the layer's command setting.</summary>
public sealed class ExpressAppTests : IClassFixture<ExpressFixture>
{
    private readonly AdapterHarness _app;

    public ExpressAppTests(ExpressFixture fixture) => _app = fixture.Harness;

    [Fact]
    public async Task Get_WithQuery_ForwardsPathQueryAndTheInvocationsIdentity()
    {
        (InvocationResult result, TestResponse? response, string requestId) =
            await _app.SendAsync(TestRequest.Get("/hello").Query("name=Ada%20L&tag=a&tag=b").Header("Host", "api.example.com"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(200, response!.StatusCode);
        Assert.StartsWith("application/json", response.Header("Content-Type"));
        JsonElement json = response.Json();
        Assert.Equal("Ada L", json.GetProperty("name").GetString());
        Assert.Equal(new[] { "a", "b" }, json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("/hello?name=Ada%20L&tag=a&tag=b", json.GetProperty("url").GetString());
        Assert.Equal(requestId, json.GetProperty("requestId").GetString());
        Assert.Equal("Root=1-test", json.GetProperty("traceId").GetString());
        Assert.Equal("api.example.com", json.GetProperty("host").GetString());
        long deadline = long.Parse(json.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(deadline, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Post_WithBody_ReachesTheAppAndComesBack()
    {
        (InvocationResult result, TestResponse? response, _) =
            await _app.SendAsync(TestRequest.Post("/echo").Body("""{"order":42,"note":"héllo"}""", "application/json; charset=utf-8"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("""{"order":42,"note":"héllo"}""", response!.Text);
        Assert.Equal("application/json; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal(Encoding.UTF8.GetByteCount("""{"order":42,"note":"héllo"}""").ToString(System.Globalization.CultureInfo.InvariantCulture),
            response.Header("X-Body-Length"));
        Assert.Null(response.Header("Content-Length"));
        Assert.Null(response.Header("Transfer-Encoding"));
    }

    [Fact]
    public async Task RepeatedHeaders_ReachTheAppAndComeBackAsSeparateValues()
    {
        (InvocationResult result, TestResponse? response, _) =
            await _app.SendAsync(TestRequest.Get("/headers").Header("X-Custom", "first").Header("X-Custom", "second"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("first, second", response!.Json().GetProperty("custom").GetString());
        Assert.Equal(new[] { "one", "two" }, response.HeaderValues("X-Multi"));
    }

    [Fact]
    public async Task Cookies_ReachTheAppAndEverySetCookieGoesToResponseCookies()
    {
        (InvocationResult result, TestResponse? response, _) =
            await _app.SendAsync(TestRequest.Get("/cookies").Header("Cookie", "session=abc; theme=dark"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("session=abc; theme=dark", response!.Json().GetProperty("cookie").GetString());
        Assert.Equal(new[] { "a=1; Path=/; HttpOnly", "b=2; Path=/x" }, response.Cookies);
        Assert.Empty(response.HeaderValues("Set-Cookie"));
    }

    [Fact]
    public async Task BinaryBodies_SurviveBothWays()
    {
        byte[] sent = new byte[70_000];
        new Random(7).NextBytes(sent);

        (InvocationResult echoed, TestResponse? echo, _) = await _app.SendAsync(TestRequest.Post("/echo").Body(sent, "application/octet-stream"));
        (InvocationResult served, TestResponse? binary, _) = await _app.SendAsync(TestRequest.Get("/binary"));

        Assert.True(echoed.IsSuccess, echoed.Error?.ErrorMessage);
        Assert.Equal(sent, echo!.Body);
        Assert.True(served.IsSuccess, served.Error?.ErrorMessage);
        Assert.Equal(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), binary!.Body);
        Assert.Equal("application/octet-stream", binary.Header("Content-Type"));
    }

    [Fact]
    public async Task UnknownRoute_IsTheApps404()
    {
        (InvocationResult result, TestResponse? response, _) = await _app.SendAsync(TestRequest.Get("/nope"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(404, response!.StatusCode);
        Assert.Contains("Cannot GET /nope", response.Text);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ErrorStatusCodes_MakeTheInvocationAnErrorNamingLayerAndSetting(int status)
    {
        (InvocationResult result, _, _) = await _app.SendAsync(TestRequest.Get("/status/" + status));

        Assert.False(result.IsSuccess);
        Assert.Equal("Function.AppErrorStatus", result.Error!.ErrorType);
        Assert.Contains("Layer 'web-adapter'", result.Error.ErrorMessage);
        Assert.Contains($"GET /status/{status} with status {status}", result.Error.ErrorMessage);
        Assert.Contains("AWS_LWA_ERROR_STATUS_CODES (500,502-504)", result.Error.ErrorMessage);
        Assert.DoesNotContain("status " + status + "\"", result.Error.ErrorMessage);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(501)]
    [InlineData(418)]
    public async Task OtherStatuses_AreResponses(int status)
    {
        (InvocationResult result, TestResponse? response, _) = await _app.SendAsync(TestRequest.Get("/status/" + status));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(status, response!.StatusCode);
        Assert.Equal("status " + status, response.Text);
    }

    [Fact]
    public async Task NonHttpEvent_IsPostedToThePassThroughPath_AndTheAnswerIsTheResult()
    {
        const string sqs = """{"Records":[{"messageId":"m-1","body":"hello"}]}""";

        (InvocationResult result, byte[] output, string requestId) = await _app.InvokeEventAsync(sqs);

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.StartsWith("application/json", result.ContentType);
        using JsonDocument answer = JsonDocument.Parse(output);
        Assert.Equal(sqs, answer.RootElement.GetProperty("received").GetString());
        Assert.Equal("application/json", answer.RootElement.GetProperty("contentType").GetString());
        Assert.Equal(requestId, answer.RootElement.GetProperty("requestId").GetString());
    }

    [Theory]
    [InlineData("/api/hello", "/hello")]
    [InlineData("/api", "/")]
    [InlineData("/api/api/hello", "/api/hello")]
    public async Task RemoveBasePath_StripsOneLeadingSegmentMatch(string sent, string seen)
    {
        (InvocationResult result, TestResponse? response, _) = await _app.SendAsync(TestRequest.Get(sent).Query("name=x"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        if (seen == "/hello")
        {
            Assert.Equal("/hello", response!.Json().GetProperty("path").GetString());
        }
        else
        {
            Assert.Equal(404, response!.StatusCode);
            Assert.Contains("Cannot GET " + seen, response.Text);
        }
    }

    [Fact]
    public async Task RemoveBasePath_LeavesAPartialSegmentAlone()
    {
        (InvocationResult result, TestResponse? response, _) = await _app.SendAsync(TestRequest.Get("/apihello"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(404, response!.StatusCode);
        Assert.Contains("Cannot GET /apihello", response.Text);
    }

    [Fact]
    public async Task Path_WithEncodedCharacters_ReachesTheAppEncoded()
    {
        (InvocationResult result, TestResponse? response, _) = await _app.SendAsync(TestRequest.Get("/files/a b%.txt"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(404, response!.StatusCode);
        Assert.Contains("Cannot GET /files/a%20b%25.txt", response.Text);
    }
}
