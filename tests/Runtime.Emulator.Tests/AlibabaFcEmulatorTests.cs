using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class AlibabaFcEmulatorTests
{
    private static readonly string[] s_commonHeaderOrder =
    {
        "x-fc-request-id", "x-fc-access-key-id", "x-fc-access-key-secret", "x-fc-security-token", "x-fc-function-handler",
        "x-fc-function-memory", "x-fc-region", "x-fc-account-id", "x-fc-qualifier", "x-fc-version-id", "x-fc-function-name",
        "x-fc-service-logproject", "x-fc-service-logstore", "x-fc-control-path", "x-fc-function-timeout", "x-fc-retry-count",
    };

    [Fact]
    public async Task Environment_Defaults_HasThePortTwiceAndEverySystemVariable()
    {
        await using var fc = new AlibabaFcEmulator();
        IReadOnlyDictionary<string, string> env = fc.Environment;
        string port = fc.Port.ToString(CultureInfo.InvariantCulture);

        Assert.NotEqual(0, fc.Port);
        Assert.Equal(port, env["FC_CUSTOM_LISTEN_PORT"]);
        Assert.Equal(port, env["FC_SERVER_PORT"]);
        Assert.Equal("test-function", env["FC_FUNCTION_NAME"]);
        Assert.Equal("index.handler", env["FC_FUNCTION_HANDLER"]);
        Assert.Equal("512", env["FC_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("cn-hangzhou", env["FC_REGION"]);
        Assert.Equal("/code", env["FC_FUNC_CODE_PATH"]);
        Assert.Equal("LATEST", env["FC_FUNCTION_VERSION"]);
        foreach (string name in new[] { "FC_ACCOUNT_ID", "FC_INSTANCE_ID", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN" })
        {
            Assert.False(string.IsNullOrEmpty(env[name]), name);
        }
    }

    [Fact]
    public async Task Invoke_Payload_SendsOctetStreamWithTheCommonHeadersInDocOrder()
    {
        await using var fc = new AlibabaFcEmulator();
        await using var server = FakeHttpServer.Start(fc.Port, FakeReply.Text("done", headers: ("x-fc-status", "200")));

        FcOutcome outcome = await fc.InvokeAsync("""{"n":1}""", requestId: "rid-1").WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal("POST", seen.Method);
        Assert.Equal("/invoke", seen.Target);
        Assert.Equal("""{"n":1}""", seen.BodyText);
        var expected = new List<string> { "Host", "Content-Type" };
        expected.AddRange(s_commonHeaderOrder);
        expected.Add("Content-Length");
        Assert.Equal(expected, seen.HeaderNames());
        Assert.Equal($"127.0.0.1:{fc.Port}", seen.Header("Host"));
        Assert.Equal("application/octet-stream", seen.Header("Content-Type"));
        Assert.Equal("rid-1", seen.Header("x-fc-request-id"));
        Assert.Equal("/invoke", seen.Header("x-fc-control-path"));
        Assert.Equal("512", seen.Header("x-fc-function-memory"));
        Assert.Equal("60", seen.Header("x-fc-function-timeout"));
        Assert.Equal("test-function", seen.Header("x-fc-function-name"));
        Assert.StartsWith("POST /invoke HTTP/1.1\r\nHost: ", seen.RawText, StringComparison.Ordinal);
        Assert.Equal(seen.Raw, outcome.Response.Request.RawBytes);
        Assert.Equal("rid-1", outcome.RequestId);
        Assert.Equal("done", outcome.BodyText);
        Assert.False(outcome.IsFunctionError);
    }

    [Theory]
    [InlineData(200, "200", false)]
    [InlineData(404, "404", true)]
    [InlineData(200, "404", true)]
    [InlineData(500, null, false)]
    [InlineData(404, null, false)]
    public async Task Invoke_Answer_FunctionErrorIsDecidedByTheXFcStatusHeader(int status, string? fcStatus, bool isError)
    {
        await using var fc = new AlibabaFcEmulator();
        FakeReply reply = fcStatus is null
            ? FakeReply.Text("body", status, "X")
            : FakeReply.Text("body", status, "X", ("x-fc-status", fcStatus));
        await using var server = FakeHttpServer.Start(fc.Port, reply);

        FcOutcome outcome = await fc.InvokeAsync("{}").WaitAsync(Some.Patience);

        Assert.Equal(status, outcome.StatusCode);
        Assert.Equal(fcStatus, outcome.FcStatus);
        Assert.Equal(isError, outcome.IsFunctionError);
    }

    [Fact]
    public async Task Initialize_SendsEmptyPostWithControlPathInitializeAndInitializerHeaders()
    {
        await using var fc = new AlibabaFcEmulator(new AlibabaFcEmulatorOptions { Initializer = "index.init", InitializationTimeout = TimeSpan.FromSeconds(12) });
        await using var server = FakeHttpServer.Start(fc.Port, FakeReply.Text("init ok"));

        FcOutcome outcome = await fc.InitializeAsync().WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal("POST", seen.Method);
        Assert.Equal("/initialize", seen.Target);
        Assert.Empty(seen.Body);
        Assert.Equal("0", seen.Header("Content-Length"));
        Assert.Null(seen.Header("Content-Type"));
        Assert.Equal("/initialize", seen.Header("x-fc-control-path"));
        Assert.Equal("index.init", seen.Header("x-fc-function-initializer"));
        Assert.Equal("12", seen.Header("x-fc-initialization-timeout"));
        Assert.Equal(FcCall.Initialize, outcome.Call);
        Assert.False(outcome.IsFunctionError);
    }

    [Theory]
    [InlineData(200, false)]
    [InlineData(204, false)]
    [InlineData(404, true)]
    [InlineData(500, true)]
    public async Task LifecycleCalls_Status_Non2xxIsAFailure(int status, bool failed)
    {
        await using var fc = new AlibabaFcEmulator();
        await using var server = FakeHttpServer.Start(fc.Port, FakeReply.Text(string.Empty, status, "X"));

        FcOutcome initialize = await fc.InitializeAsync().WaitAsync(Some.Patience);
        FcOutcome preStop = await fc.PreStopAsync().WaitAsync(Some.Patience);
        FcOutcome preFreeze = await fc.PreFreezeAsync().WaitAsync(Some.Patience);

        Assert.Equal(failed, initialize.IsFunctionError);
        Assert.Equal(failed, preStop.IsFunctionError);
        Assert.Equal(failed, preFreeze.IsFunctionError);
    }

    [Fact]
    public async Task PreStopAndPreFreeze_AreGetsWithoutBodyOnTheirPaths()
    {
        await using var fc = new AlibabaFcEmulator(new AlibabaFcEmulatorOptions { PreStopHandler = "h.stop", PreFreezeHandler = "h.freeze" });
        await using var server = FakeHttpServer.Start(fc.Port, FakeReply.Text("ok"));

        await fc.PreStopAsync().WaitAsync(Some.Patience);
        await fc.PreFreezeAsync().WaitAsync(Some.Patience);
        IReadOnlyList<ServerRequest> seen = server.Requests;

        Assert.Equal(("GET", "/pre-stop"), (seen[0].Method, seen[0].Target));
        Assert.Equal(("GET", "/pre-freeze"), (seen[1].Method, seen[1].Target));
        Assert.Null(seen[0].Header("Content-Length"));
        Assert.Equal("h.stop", seen[0].Header("x-fc-instance-lifecycle-pre-stop-handler"));
        Assert.Equal("h.freeze", seen[1].Header("x-fc-instance-lifecycle-pre-freeze-handler"));
    }

    [Fact]
    public async Task HttpInvoke_ClientRequest_IsPassedThroughWithFcHeadersAppended()
    {
        await using var fc = new AlibabaFcEmulator();
        await using var server = FakeHttpServer.Start(fc.Port, FakeReply.Text("<h1>hi</h1>", 201, "Created", ("Content-Type", "text/html"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")));
        var headers = new[]
        {
            new KeyValuePair<string, string>("Host", "shop.example.com"),
            new KeyValuePair<string, string>("Content-Type", "application/x-www-form-urlencoded"),
            new KeyValuePair<string, string>("Cookie", "s=1"),
        };

        FcOutcome outcome = await fc.HttpInvokeAsync("PUT", "/cart/items?id=7&id=8", headers, "qty=2"u8.ToArray()).WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal("PUT", seen.Method);
        Assert.Equal("/cart/items?id=7&id=8", seen.Target);
        Assert.Equal("qty=2", seen.BodyText);
        Assert.Equal(new[] { "Host", "Content-Type", "Cookie" }, seen.HeaderNames()[..3]);
        Assert.Equal("shop.example.com", seen.Header("Host"));
        Assert.Equal("/http-invoke", seen.Header("x-fc-control-path"));
        Assert.NotNull(seen.Header("x-fc-request-id"));
        Assert.Equal(FcCall.HttpInvoke, outcome.Call);
        Assert.Equal(201, outcome.StatusCode);
        Assert.Equal("<h1>hi</h1>", outcome.BodyText);
        Assert.Equal(2, HeaderCount(outcome.Headers, "Set-Cookie"));
        Assert.False(outcome.IsFunctionError);
    }

    [Theory]
    [InlineData("x-fc-request-id")]
    [InlineData("X-Fc-Anything")]
    [InlineData("Connection")]
    [InlineData("keep-alive")]
    public async Task HttpInvoke_ClientHeaderFcRejects_Throws(string name)
    {
        await using var fc = new AlibabaFcEmulator();

        await Assert.ThrowsAsync<ArgumentException>(() => fc.HttpInvokeAsync("GET", "/", new[] { new KeyValuePair<string, string>(name, "x") }));
    }

    [Fact]
    public async Task SendCredentialHeadersOff_LeavesTheTemporaryKeysOut()
    {
        await using var fc = new AlibabaFcEmulator(new AlibabaFcEmulatorOptions { SendCredentialHeaders = false, ServiceName = "svc" });
        await using var server = FakeHttpServer.Start(fc.Port, FakeReply.Text("ok"));

        await fc.InvokeAsync("{}").WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Null(seen.Header("x-fc-access-key-id"));
        Assert.Null(seen.Header("x-fc-access-key-secret"));
        Assert.Null(seen.Header("x-fc-security-token"));
        Assert.Equal("svc", seen.Header("x-fc-service-name"));
    }

    [Fact]
    public async Task Invoke_BinaryPayload_ArrivesByteForByte()
    {
        await using var fc = new AlibabaFcEmulator();
        await using var server = FakeHttpServer.Start(fc.Port, request => new FakeReply { Body = request.Body });
        byte[] payload = new byte[70_000];
        new Random(7).NextBytes(payload);

        FcOutcome outcome = await fc.InvokeAsync(payload).WaitAsync(Some.Patience);

        Assert.Equal(payload, (await server.FirstRequest.WaitAsync(Some.Patience)).Body);
        Assert.Equal(payload, outcome.Body);
    }

    private static int HeaderCount(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        int count = 0;
        foreach (KeyValuePair<string, string> header in headers)
        {
            count += header.Key.Equals(name, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        return count;
    }
}
