using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed class TencentWebEmulatorTests
{
    [Fact]
    public async Task Environment_Defaults_HasTheScfVariablesAndNoPortVariable()
    {
        await using var scf = new TencentWebEmulator();
        IReadOnlyDictionary<string, string> env = scf.Environment;

        Assert.Equal("test-function", env["SCF_FUNCTIONNAME"]);
        Assert.Equal("$LATEST", env["SCF_FUNCTIONVERSION"]);
        Assert.Equal("default", env["SCF_NAMESPACE"]);
        Assert.Equal("ap-guangzhou", env["TENCENTCLOUD_REGION"]);
        Assert.Equal("SCF", env["TENCENTCLOUD_RUNENV"]);
        Assert.Equal("/var/user/", env["USER_CODE_ROOT"]);
        foreach (string name in new[] { "TENCENTCLOUD_APPID", "TENCENTCLOUD_UIN", "TENCENTCLOUD_SECRETID", "TENCENTCLOUD_SECRETKEY", "TENCENTCLOUD_SESSIONTOKEN" })
        {
            Assert.False(string.IsNullOrEmpty(env[name]), name);
        }

        Assert.DoesNotContain(scf.Port.ToString(CultureInfo.InvariantCulture), env.Values);
    }

    [Fact]
    public async Task Environment_PortVariableOption_CarriesThePort()
    {
        await using var scf = new TencentWebEmulator(new TencentWebEmulatorOptions { PortVariable = "PORT" });

        Assert.Equal(scf.Port.ToString(CultureInfo.InvariantCulture), scf.Environment["PORT"]);
    }

    [Fact]
    public async Task Send_ClientRequest_PassesThroughWithScfHeadersAndForgedOnesDropped()
    {
        await using var scf = new TencentWebEmulator();
        await using var server = FakeHttpServer.Start(scf.Port, FakeReply.Text("ok"));
        var headers = new[]
        {
            new KeyValuePair<string, string>("X-Scf-Request-Id", "forged"),
            new KeyValuePair<string, string>("connection", "close"),
            new KeyValuePair<string, string>("Accept", "text/html"),
        };

        await scf.SendAsync("POST", "/api/x?y=1", headers, "b"u8.ToArray(), requestId: "rid-7").WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal(("POST", "/api/x?y=1", "b"), (seen.Method, seen.Target, seen.BodyText));
        Assert.Equal(
            new[] { "Host", "Accept", "X-Scf-Request-Id", "X-Scf-Secret-Id", "X-Scf-Secret-Key", "X-Scf-Session-Token", "X-Scf-Remote-Addr", "Content-Length" },
            seen.HeaderNames());
        Assert.Equal("rid-7", seen.Header("X-Scf-Request-Id"));
        Assert.Equal(scf.Options.SecretId, seen.Header("X-Scf-Secret-Id"));
        Assert.Equal("203.0.113.9", seen.Header("X-Scf-Remote-Addr"));
    }

    [Fact]
    public async Task Send_NoRequestIdGiven_EachRequestGetsANewGuid()
    {
        await using var scf = new TencentWebEmulator(new TencentWebEmulatorOptions { SendCredentialHeaders = false, ClientIp = null });
        await using var server = FakeHttpServer.Start(scf.Port, FakeReply.Text("ok"));

        await scf.SendAsync("GET", "/").WaitAsync(Some.Patience);
        await scf.SendAsync("GET", "/").WaitAsync(Some.Patience);
        IReadOnlyList<ServerRequest> seen = server.Requests;

        Assert.True(Guid.TryParse(seen[0].Header("X-Scf-Request-Id"), out _));
        Assert.NotEqual(seen[0].Header("X-Scf-Request-Id"), seen[1].Header("X-Scf-Request-Id"));
        Assert.Null(seen[0].Header("X-Scf-Secret-Id"));
        Assert.Null(seen[0].Header("X-Scf-Remote-Addr"));
    }

    [Fact]
    public async Task WaitForReady_AnyStatus_IsReady()
    {
        await using var scf = new TencentWebEmulator();
        await using var server = FakeHttpServer.Start(scf.Port, FakeReply.Text("err", 500, "Internal Server Error"));

        ReadyInfo info = await scf.WaitForReadyAsync(Some.Patience);

        Assert.Equal(500, info.FirstResponse.StatusCode);
        Assert.Equal("/", info.FirstResponse.Request.Target);
    }
}
