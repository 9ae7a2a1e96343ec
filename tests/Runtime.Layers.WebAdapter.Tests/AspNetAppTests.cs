using System;
using System.Linq;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Layers.WebAdapter.Tests.Support;
using Xunit;

namespace Runtime.Layers.WebAdapter.Tests;

/// <summary>The layer in front of a plain ASP.NET Core minimal-API app, run out of process with <c>dotnet</c>.</summary>
public sealed class AspNetAppTests : IClassFixture<AspNetAppFixture>
{
    private readonly AdapterHarness _app;

    public AspNetAppTests(AspNetAppFixture fixture) => _app = fixture.Harness;

    [Fact]
    public async Task Get_WithQuery_ReachesTheApp()
    {
        (InvocationResult result, TestResponse? response, string requestId) =
            await _app.SendAsync(TestRequest.Get("/hello").Query("name=Grace&tag=x&tag=y"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("hello Grace tags=x|y request=" + requestId, response!.Text);
        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
    }

    [Fact]
    public async Task Post_BinaryBody_RoundTrips()
    {
        byte[] sent = Enumerable.Range(0, 5000).Select(i => (byte)(i * 31)).ToArray();

        (InvocationResult result, TestResponse? response, _) = await _app.SendAsync(TestRequest.Post("/echo").Body(sent, "application/x-thing"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(sent, response!.Body);
        Assert.Equal("application/x-thing", response.Header("Content-Type"));
        Assert.Equal("5000", response.Header("X-Body-Length"));
    }

    [Fact]
    public async Task RepeatedHeadersAndCookies_MapBothWays()
    {
        (InvocationResult headers, TestResponse? multi, _) =
            await _app.SendAsync(TestRequest.Get("/headers").Header("X-Custom", "1").Header("X-Custom", "2"));
        (InvocationResult cookies, TestResponse? jar, _) = await _app.SendAsync(TestRequest.Get("/cookies").Header("Cookie", "k=v"));

        Assert.True(headers.IsSuccess, headers.Error?.ErrorMessage);
        Assert.Equal("custom=1,2", multi!.Text.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(new[] { "one", "two" }, multi.HeaderValues("X-Multi"));
        Assert.True(cookies.IsSuccess, cookies.Error?.ErrorMessage);
        Assert.Equal("cookie=k=v", jar!.Text);
        Assert.Equal(new[] { "a=1; path=/; httponly", "b=2; path=/x" }, jar.Cookies);
    }

    [Fact]
    public async Task BinaryAnswer_AndNotFound_AndErrorStatus()
    {
        (InvocationResult binary, TestResponse? bytes, _) = await _app.SendAsync(TestRequest.Get("/binary"));
        (InvocationResult missing, TestResponse? notFound, _) = await _app.SendAsync(TestRequest.Get("/missing"));
        (InvocationResult failed, _, _) = await _app.SendAsync(TestRequest.Get("/status/500"));

        Assert.Equal(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), bytes!.Body);
        Assert.True(binary.IsSuccess);
        Assert.True(missing.IsSuccess);
        Assert.Equal(404, notFound!.StatusCode);
        Assert.Equal("Function.AppErrorStatus", failed.Error!.ErrorType);
        Assert.Contains("FAAS_WEBAPP_ERROR_STATUS_CODES (500-599)", failed.Error.ErrorMessage);
    }

    [Fact]
    public async Task NonHttpEvent_GoesToThePassThroughPath()
    {
        (InvocationResult result, byte[] output, _) = await _app.InvokeEventAsync("""{"source":"aws.events"}""");

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("""event(application/json):{"source":"aws.events"}""", System.Text.Encoding.UTF8.GetString(output));
    }
}
