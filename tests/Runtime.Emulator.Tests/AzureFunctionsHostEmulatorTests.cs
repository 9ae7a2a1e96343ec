using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed class AzureFunctionsHostEmulatorTests
{
    private const string OkResult = """{"Outputs":{"res":{"statusCode":"200","body":"hi"}},"Logs":["one","two"],"ReturnValue":{"x":1}}""";

    [Fact]
    public async Task Environment_Defaults_HasThePortAndTheCustomHandlerVariables()
    {
        await using var azure = new AzureFunctionsHostEmulator();
        IReadOnlyDictionary<string, string> env = azure.Environment;

        Assert.Equal(azure.Port.ToString(CultureInfo.InvariantCulture), env["FUNCTIONS_CUSTOMHANDLER_PORT"]);
        Assert.Equal(env["FUNCTIONS_CUSTOMHANDLER_PORT"], env["FUNCTIONS_HTTPWORKER_PORT"]);
        Assert.Equal("Custom", env["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal(env["FUNCTIONS_APP_ROOT_PATH"], env["AzureWebJobsScriptRoot"]);
        Assert.False(string.IsNullOrEmpty(env["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"]));
        Assert.False(string.IsNullOrEmpty(env["WEBSITE_SITE_NAME"]));
    }

    [Fact]
    public async Task InvokeHttp_Get_SendsChunkedPayloadShapedLikeTheCapturedHostRequest()
    {
        await using var azure = new AzureFunctionsHostEmulator();
        await using var server = FakeHttpServer.Start(azure.Port, JsonReply(OkResult));
        var headers = new[] { new KeyValuePair<string, string>("Accept", "*/*"), new KeyValuePair<string, string>("Host", "localhost:7071") };

        AzureInvocationResult result = await azure.InvokeHttpAsync("SimpleHttpTrigger", "GET", "http://localhost:7071/api/SimpleHttpTrigger", headers: headers).WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal("POST", seen.Method);
        Assert.Equal("/SimpleHttpTrigger", seen.Target);
        Assert.Equal(
            new[] { "Host", "X-Azure-Functions-HostVersion", "X-Azure-Functions-InvocationId", "User-Agent", "Content-Type", "Transfer-Encoding" },
            seen.HeaderNames());
        Assert.Equal("4.33.2.22572", seen.Header("X-Azure-Functions-HostVersion"));
        Assert.Equal("Azure-Functions-Host/4.33.2.22572", seen.Header("User-Agent"));
        Assert.Equal("application/json; charset=utf-8", seen.Header("Content-Type"));
        Assert.Equal("chunked", seen.Header("Transfer-Encoding"));
        Assert.Equal(result.InvocationId, seen.Header("X-Azure-Functions-InvocationId"));
        Assert.True(Guid.TryParse(result.InvocationId, out _));

        using JsonDocument sent = JsonDocument.Parse(seen.Body);
        using JsonDocument captured = JsonDocument.Parse(CapturedBody());
        Assert.Equal(Shape(captured.RootElement), Shape(sent.RootElement));
        JsonElement req = sent.RootElement.GetProperty("Data").GetProperty("req");
        Assert.Equal("http://localhost:7071/api/SimpleHttpTrigger", req.GetProperty("Url").GetString());
        Assert.Equal("GET", req.GetProperty("Method").GetString());
        Assert.Equal("*/*", req.GetProperty("Headers").GetProperty("Accept")[0].GetString());
        Assert.Equal("localhost:7071", sent.RootElement.GetProperty("Metadata").GetProperty("Headers").GetProperty("Host").GetString());
        Assert.Equal("SimpleHttpTrigger", sent.RootElement.GetProperty("Metadata").GetProperty("sys").GetProperty("MethodName").GetString());
        Assert.False(req.TryGetProperty("Body", out _));
    }

    [Fact]
    public async Task InvokeHttp_PostWithQueryAndBody_JoinsRepeatedKeysAndSendsTheBodyAsAString()
    {
        await using var azure = new AzureFunctionsHostEmulator(new AzureFunctionsHostOptions { ChunkedRequestBody = false });
        await using var server = FakeHttpServer.Start(azure.Port, JsonReply(OkResult));
        var headers = new[] { new KeyValuePair<string, string>("Content-Type", "application/json"), new KeyValuePair<string, string>("X-Multi", "a"), new KeyValuePair<string, string>("x-multi", "b") };

        await azure.InvokeHttpAsync("order", "post", "http://localhost:7071/api/order?a=1&a=2&b=x+y", headers: headers, body: """{"id":1005}"""u8.ToArray(), routeParameters: new Dictionary<string, string> { ["id"] = "7" }).WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Null(seen.Header("Transfer-Encoding"));
        Assert.Equal(seen.Body.Length.ToString(CultureInfo.InvariantCulture), seen.Header("Content-Length"));
        using JsonDocument sent = JsonDocument.Parse(seen.Body);
        JsonElement req = sent.RootElement.GetProperty("Data").GetProperty("req");
        Assert.Equal("POST", req.GetProperty("Method").GetString());
        Assert.Equal("1,2", req.GetProperty("Query").GetProperty("a").GetString());
        Assert.Equal("x y", req.GetProperty("Query").GetProperty("b").GetString());
        Assert.Equal(2, req.GetProperty("Headers").GetProperty("X-Multi").GetArrayLength());
        Assert.Equal("7", req.GetProperty("Params").GetProperty("id").GetString());
        Assert.Equal("""{"id":1005}""", req.GetProperty("Body").GetString());
    }

    [Fact]
    public async Task InvokeHttp_OctetStreamBody_IsSentAsBase64()
    {
        await using var azure = new AzureFunctionsHostEmulator();
        await using var server = FakeHttpServer.Start(azure.Port, JsonReply(OkResult));
        byte[] bytes = { 0, 1, 2, 250, 255 };

        await azure.InvokeHttpAsync("f", "POST", "http://localhost/api/f", headers: new[] { new KeyValuePair<string, string>("Content-Type", "application/octet-stream") }, body: bytes).WaitAsync(Some.Patience);
        using JsonDocument sent = JsonDocument.Parse((await server.FirstRequest.WaitAsync(Some.Patience)).Body);

        Assert.Equal(Convert.ToBase64String(bytes), sent.RootElement.GetProperty("Data").GetProperty("req").GetProperty("Body").GetString());
    }

    [Fact]
    public async Task InvokeHttp_Answer2xxJson_ExposesOutputsLogsAndReturnValueCaseInsensitively()
    {
        await using var azure = new AzureFunctionsHostEmulator();
        await using var server = FakeHttpServer.Start(azure.Port, JsonReply("""{"outputs":{"res":{"statusCode":"201"}},"logs":["l1"],"returnValue":"rv"}"""));

        AzureInvocationResult result = await azure.InvokeHttpAsync("f", "GET", "http://localhost/api/f").WaitAsync(Some.Patience);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("201", result.Output("RES")!.Value.GetProperty("statusCode").GetString());
        Assert.Equal(new[] { "l1" }, result.Logs);
        Assert.Equal("rv", result.ReturnValue!.Value.GetString());
    }

    [Theory]
    [InlineData(500, "application/json", OkResult)]
    [InlineData(404, "application/json", OkResult)]
    [InlineData(200, "text/plain", OkResult)]
    [InlineData(200, "application/json", "not json")]
    [InlineData(200, "application/json", "[1,2]")]
    [InlineData(200, "application/json", "")]
    public async Task InvokeHttp_AnswerTheHostCannotUse_FailsTheInvocation(int status, string contentType, string body)
    {
        await using var azure = new AzureFunctionsHostEmulator();
        await using var server = FakeHttpServer.Start(azure.Port, FakeReply.Text(body, status, "X", ("Content-Type", contentType)));

        AzureInvocationResult result = await azure.InvokeHttpAsync("f", "GET", "http://localhost/api/f").WaitAsync(Some.Patience);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Failure);
        Assert.Null(result.Outputs);
    }

    [Fact]
    public async Task InvokeQueue_Item_SendsTheDocumentedQueuePayloadShape()
    {
        await using var azure = new AzureFunctionsHostEmulator();
        await using var server = FakeHttpServer.Start(azure.Port, JsonReply("""{"Outputs":{},"Logs":[],"ReturnValue":null}"""));

        AzureInvocationResult result = await azure.InvokeQueueAsync("QueueTrigger", "{ message: \"Message sent\" }").WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("/QueueTrigger", seen.Target);
        using JsonDocument sent = JsonDocument.Parse(seen.Body);
        using JsonDocument documented = JsonDocument.Parse(File.ReadAllBytes(Fixture("custom-handler-queue-doc.json")));
        Assert.Equal(Shape(documented.RootElement), Shape(sent.RootElement));
        Assert.Equal("{ message: \"Message sent\" }", sent.RootElement.GetProperty("Data").GetProperty("myQueueItem").GetString());
        Assert.Equal(1, sent.RootElement.GetProperty("Metadata").GetProperty("DequeueCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, result.ReturnValue!.Value.ValueKind);
    }

    [Fact]
    public async Task ForwardHttp_ClientRequest_KeepsItsHeadersAndAddsTheHostHeadersAsCaptured()
    {
        await using var azure = new AzureFunctionsHostEmulator();
        await using var server = FakeHttpServer.Start(azure.Port, FakeReply.Text("hello", 200, "OK", ("Content-Type", "text/plain")));
        var headers = new[]
        {
            new KeyValuePair<string, string>("Accept", "*/*"),
            new KeyValuePair<string, string>("Connection", "keep-alive"),
            new KeyValuePair<string, string>("Host", "localhost:7071"),
            new KeyValuePair<string, string>("User-Agent", "PostmanRuntime/7.37.3"),
        };

        ReceivedResponse response = await azure.ForwardHttpAsync("GET", "/api/SimpleHttpTrigger?x=1", headers, invocationId: "inv-1").WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal("/api/SimpleHttpTrigger?x=1", seen.Target);
        Assert.Equal(new[] { "Accept", "Connection", "Host", "User-Agent", "X-Azure-Functions-HostVersion", "X-Azure-Functions-InvocationId" }, seen.HeaderNames());
        Assert.Equal("PostmanRuntime/7.37.3 Azure-Functions-Host/4.33.2.22572", seen.Header("User-Agent"));
        Assert.Equal("inv-1", seen.Header("X-Azure-Functions-InvocationId"));
        Assert.Equal("hello", response.BodyText);
    }

    [Fact]
    public async Task WaitForReady_ListenerClosesConnectionsUntilServing_RetriesUntilAnyResponse()
    {
        await using var azure = new AzureFunctionsHostEmulator();
        int seen = 0;
        await using var server = FakeHttpServer.Start(azure.Port, _ => ++seen <= 3 ? new FakeReply { Abort = true } : FakeReply.Text("nope", 404, "Not Found"));

        ReadyInfo info = await azure.WaitForReadyAsync(Some.Patience);

        Assert.Equal(404, info.FirstResponse.StatusCode);
        Assert.Equal("GET", info.FirstResponse.Request.Method);
        Assert.Equal("/", info.FirstResponse.Request.Target);
        Assert.Equal(new[] { "Host" }, server.Requests[0].HeaderNames());
        Assert.Equal(4, server.Requests.Count);
        Assert.True(info.ConnectAttempts >= 4);
    }

    private static FakeReply JsonReply(string json) => FakeReply.Text(json, 200, "OK", ("Content-Type", "application/json; charset=utf-8"));

    private static string Fixture(string name)
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !Directory.Exists(Path.Combine(directory, "tests", "fixtures")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(directory ?? throw new DirectoryNotFoundException("tests/fixtures"), "tests", "fixtures", "events", "azure", name);
    }

    private static string CapturedBody()
    {
        string text = File.ReadAllText(Fixture("custom-handler-http-captured.http"));
        return text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
    }

    /// <summary>Property paths of a JSON document (objects only), ignoring values and the contents of request/metadata maps.</summary>
    private static string[] Shape(JsonElement element)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(element, string.Empty, paths);
        return paths.ToArray();
    }

    private static void Walk(JsonElement element, string path, SortedSet<string> paths)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            string child = path + "/" + property.Name;
            paths.Add(child);
            bool isMap = property.Name is "Headers" or "Query" or "Params" && path.Length > 0;
            if (!isMap)
            {
                Walk(property.Value, child, paths);
            }
        }
    }
}
