using System;
using System.Text;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>Tencent SCF web functions and Huawei FunctionGraph HTTP functions: plain HTTP on the platform's fixed port.</summary>
[Collection(BootstrapCollection.Name)]
public sealed class WebFunctionEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PublishedBootstrap _bootstrap;

    public WebFunctionEndToEndTests(PublishedBootstrap bootstrap) => _bootstrap = bootstrap;

    [Fact]
    public async Task TencentWeb_HelloAndEcho()
    {
        // The platform's port is fixed (9000); the test gives the bootstrap a free one through FAAS_PORT.
        await using var web = new TencentWebEmulator(new TencentWebEmulatorOptions { PortVariable = "FAAS_PORT" });
        await using BootstrapProcess hello = BootstrapProcess.Start(_bootstrap.Path, ServerEnvironment.For(web.Environment, "hello"));
        await web.WaitForReadyAsync(Wait);

        ReceivedResponse response = await web.SendAsync("GET", "/?name=wu");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("Hello, wu!", response.BodyText);
        await hello.WaitForLineAsync("on tencent-scf-web");
    }

    [Fact]
    public async Task HuaweiHttp_EchoTakesTheRequestIdFromXCffRequestId()
    {
        await using var http = new HuaweiHttpEmulator(new HuaweiHttpEmulatorOptions { PortVariable = "FAAS_PORT" });
        await using BootstrapProcess echo = BootstrapProcess.Start(_bootstrap.Path, ServerEnvironment.For(http.Environment, "echo", ("FAAS_LOG_LEVEL", "DEBUG")));
        await http.WaitForReadyAsync(Wait);

        ReceivedResponse response = await http.SendAsync("POST", "/", null, Encoding.UTF8.GetBytes("body-1"), requestId: "cff-req-9");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("body-1", response.BodyText);
        await echo.WaitForLineAsync("cff-req-9");
    }
}
