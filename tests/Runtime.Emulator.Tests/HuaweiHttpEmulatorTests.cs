using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed class HuaweiHttpEmulatorTests
{
    [Fact]
    public async Task Environment_Defaults_HasTheRuntimeVariables()
    {
        await using var huawei = new HuaweiHttpEmulator(new HuaweiHttpEmulatorOptions { PortVariable = "HTTP_PORT" });
        IReadOnlyDictionary<string, string> env = huawei.Environment;

        Assert.Equal("test-function", env["RUNTIME_FUNC_NAME"]);
        Assert.Equal("latest", env["RUNTIME_FUNC_VERSION"]);
        Assert.Equal("30", env["RUNTIME_TIMEOUT"]);
        Assert.Equal("128", env["RUNTIME_MEMORY"]);
        Assert.Equal("/opt/function/code", env["RUNTIME_CODE_ROOT"]);
        Assert.Equal("6291456", env["RUNTIME_MAX_RESP_BODY_SIZE"]);
        Assert.Equal(huawei.Port.ToString(CultureInfo.InvariantCulture), env["HTTP_PORT"]);
        Assert.False(env.ContainsKey("RUNTIME_API_ADDR"));
    }

    [Fact]
    public async Task Send_ClientRequest_GetsTheDocumentedCffHeaders()
    {
        await using var huawei = new HuaweiHttpEmulator(new HuaweiHttpEmulatorOptions { MemorySizeMb = 256 });
        await using var server = FakeHttpServer.Start(huawei.Port, FakeReply.Text("""{"ok":true}""", 200, "OK", ("Content-Type", "application/json")));
        var headers = new[] { new KeyValuePair<string, string>("X-CFF-Request-Id", "forged"), new KeyValuePair<string, string>("Accept", "*/*") };

        ReceivedResponse response = await huawei.SendAsync("GET", "/hello?name=x", headers, requestId: "req-9").WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal(
            new[] { "Host", "Accept", "X-CFF-Request-Id", "X-CFF-Memory", "X-CFF-Timeout", "X-CFF-Func-Version", "X-CFF-Func-Name", "X-CFF-Project-Id", "X-CFF-Package", "X-CFF-Region" },
            seen.HeaderNames());
        Assert.Equal("req-9", seen.Header("X-CFF-Request-Id"));
        Assert.Equal("256", seen.Header("X-CFF-Memory"));
        Assert.Equal("30", seen.Header("X-CFF-Timeout"));
        Assert.Equal("test-function", seen.Header("X-CFF-Func-Name"));
        Assert.Equal("/hello?name=x", seen.Target);
        Assert.Equal("""{"ok":true}""", response.BodyText);
    }

    [Fact]
    public async Task WaitForReady_GetRootAnswered_IsReady()
    {
        await using var huawei = new HuaweiHttpEmulator();
        await using var server = FakeHttpServer.Start(huawei.Port, FakeReply.Text("ok"));

        ReadyInfo info = await huawei.WaitForReadyAsync(Some.Patience);

        Assert.Equal(200, info.FirstResponse.StatusCode);
        Assert.NotNull(info.FirstResponse.Request.Header("X-CFF-Request-Id"));
    }
}
