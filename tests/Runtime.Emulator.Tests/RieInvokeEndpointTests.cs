using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed class RieInvokeEndpointTests
{
    [Fact]
    public async Task Invoke_RuntimeResponds_Returns200WithTheResponseBody()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        await using RieInvokeEndpoint endpoint = await RieInvokeEndpoint.StartAsync(aws);
        using var runtime = FakeRuntime.For(aws);
        using var caller = new HttpClient();
        Task serving = runtime.ServeAwsAsync(1, static (_, body) => (false, "echo:" + body));

        using HttpResponseMessage response = await caller.PostAsync(endpoint.InvokeUri, new StringContent(Some.Event(1), Encoding.UTF8, "application/json")).WaitAsync(Some.Patience);
        await serving.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("echo:" + Some.Event(1), await response.Content.ReadAsStringAsync());
        Assert.Null(FakeRuntime.Header(response, "X-Amz-Function-Error"));
        Assert.Equal(new Uri($"http://127.0.0.1:{endpoint.Port}/2015-03-31/functions/function/invocations"), endpoint.InvokeUri);
    }

    [Fact]
    public async Task Invoke_RuntimeReportsError_Returns200WithErrorBodyAndFunctionErrorHeader()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        await using RieInvokeEndpoint endpoint = await RieInvokeEndpoint.StartAsync(aws);
        using var runtime = FakeRuntime.For(aws);
        using var caller = new HttpClient();
        const string error = """{"errorMessage":"boom","errorType":"E"}""";
        Task serving = runtime.ServeAwsAsync(1, static (_, _) => (true, error));

        using HttpResponseMessage response = await caller.PostAsync(endpoint.InvokeUri, new StringContent("{}")).WaitAsync(Some.Patience);
        await serving.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", FakeRuntime.Header(response, "X-Amz-Function-Error"));
        Assert.Equal(error, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_RuntimeReportsInitError_Returns502WithTheInitErrorBody()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        await using RieInvokeEndpoint endpoint = await RieInvokeEndpoint.StartAsync(aws);
        using var runtime = FakeRuntime.For(aws);
        using var caller = new HttpClient();
        const string error = """{"errorMessage":"bad config","errorType":"Runtime.ConfigInvalid"}""";

        Task<HttpResponseMessage> invoke = caller.PostAsync(endpoint.InvokeUri, new StringContent("{}"));
        using HttpResponseMessage posted = await runtime.PostAsync("runtime/init/error", Encoding.UTF8.GetBytes(error));
        using HttpResponseMessage response = await invoke.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(error, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_OptionalHeaders_ReachTheRuntimeAsRuntimeApiHeaders()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        await using RieInvokeEndpoint endpoint = await RieInvokeEndpoint.StartAsync(aws);
        using var runtime = FakeRuntime.For(aws);
        using var caller = new HttpClient();
        const string clientContext = """{"custom":{"k":"v"}}""";
        const string trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.InvokeUri) { Content = new StringContent("{}") };
        request.Headers.Add("X-Amz-Client-Context", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientContext)));
        request.Headers.Add("X-Amzn-Trace-Id", trace);
        request.Headers.Add("X-Amz-Tenant-Id", "tenant-1");

        Task<HttpResponseMessage> invoke = caller.SendAsync(request);
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        string id = FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id")!;
        using HttpResponseMessage posted = await runtime.RespondAsync(id, "\"ok\"");
        using HttpResponseMessage response = await invoke.WaitAsync(Some.Patience);

        Assert.Equal(clientContext, FakeRuntime.Header(next, "Lambda-Runtime-Client-Context"));
        Assert.Equal(trace, FakeRuntime.Header(next, "Lambda-Runtime-Trace-Id"));
        Assert.Equal("tenant-1", FakeRuntime.Header(next, "Lambda-Runtime-Aws-Tenant-Id"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_WrongPathOrMethod_Returns404()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        await using RieInvokeEndpoint endpoint = await RieInvokeEndpoint.StartAsync(aws);
        using var caller = new HttpClient();

        using HttpResponseMessage get = await caller.GetAsync(endpoint.InvokeUri).WaitAsync(Some.Patience);
        using HttpResponseMessage wrongPath = await caller.PostAsync(new Uri(endpoint.InvokeUri, "/invoke"), new StringContent("{}")).WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongPath.StatusCode);
        Assert.Empty(aws.Requests);
    }

    [Fact]
    public async Task Invoke_InFrontOfScf_Returns200WithTheResponseBody()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        await using RieInvokeEndpoint endpoint = await RieInvokeEndpoint.StartAsync(scf);
        using var runtime = FakeRuntime.For(scf);
        using var caller = new HttpClient();
        Task serving = runtime.ServeScfAsync(2, static body => body == "\"x\"" ? (true, "bad") : (false, "echo:" + body));

        using HttpResponseMessage ok = await caller.PostAsync(endpoint.InvokeUri, new StringContent("\"a\"")).WaitAsync(Some.Patience);
        using HttpResponseMessage failed = await caller.PostAsync(endpoint.InvokeUri, new StringContent("\"x\"")).WaitAsync(Some.Patience);
        await serving.WaitAsync(Some.Patience);

        Assert.Equal("echo:\"a\"", await ok.Content.ReadAsStringAsync());
        Assert.Equal("Unhandled", FakeRuntime.Header(failed, "X-Amz-Function-Error"));
        Assert.Equal("bad", await failed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_BadClientContext_Returns400()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        await using RieInvokeEndpoint endpoint = await RieInvokeEndpoint.StartAsync(aws);
        using var caller = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.InvokeUri) { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("X-Amz-Client-Context", "not base64!");

        using HttpResponseMessage response = await caller.SendAsync(request).WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, aws.OutstandingInvocations);
        Assert.Empty(new List<RecordedRequest>(aws.Requests));
    }
}
