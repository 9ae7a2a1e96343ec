using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>
/// "Our bootstrap + the web-app adapter layer runs any web app": the generic native bootstrap (no user code) with the
/// web-app adapter stacked as a native layer, serving a plain Node.js app it starts itself, on AWS and on Cloud Run.
/// </summary>
[Collection(BootstrapCollection.Name)]
public sealed class WebAppEndToEndTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private const string App = """
        const http = require('http');
        http.createServer((req, res) => {
          let body = [];
          req.on('data', c => body.push(c)).on('end', () => {
            if (req.url === '/health') { res.end('ok'); return; }
            res.setHeader('Content-Type', 'application/json');
            res.setHeader('Set-Cookie', ['a=1', 'b=2']);
            res.end(JSON.stringify({ method: req.method, url: req.url, body: Buffer.concat(body).toString(), id: req.headers['x-faas-request-id'] }));
          });
        }).listen(process.env.AWS_LWA_PORT, '127.0.0.1');
        """;

    private readonly PublishedBootstrap _bootstrap;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faas-webapp-" + Guid.NewGuid().ToString("N"));

    public WebAppEndToEndTests(PublishedBootstrap bootstrap)
    {
        _bootstrap = bootstrap;
        string layer = Path.Combine(_root, "layers", "web-adapter");
        Directory.CreateDirectory(layer);
        foreach (string file in Directory.GetFiles(bootstrap.WebAdapterLayerFolder, "*.so"))
        {
            File.Copy(file, Path.Combine(layer, Path.GetFileName(file)));
        }
        File.Copy(Path.Combine(bootstrap.WebAdapterLayerFolder, "layer.json"), Path.Combine(layer, "layer.json"));
        File.WriteAllText(Path.Combine(_root, "app.js"), App);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> platform)
    {
        int appPort = FreePort();
        return ServerEnvironment.For(platform, "unused",
            ("FAAS_LAYERS_DIR", Path.Combine(_root, "layers")),
            ("AWS_LWA_PORT", appPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("AWS_LWA_READINESS_CHECK_PATH", "/health"),
            ("FAAS_WEBAPP_COMMAND", $"node {Path.Combine(_root, "app.js")}"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Aws_FunctionUrlEvent_ReachesTheNodeAppAndItsAnswerComesBack()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue(Fixtures.Read("aws/function-url-post-cookies.json"));
        Dictionary<string, string> environment = Environment(aws.Environment);
        environment.Remove("FAAS_HANDLER"); // the generic bootstrap registers no functions: the layer serves
        await using BootstrapProcess process = BootstrapProcess.Start(_bootstrap.GenericBootstrap, environment);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.False(outcome.IsError, outcome.BodyText);
        using JsonDocument json = JsonDocument.Parse(outcome.Body);
        Assert.Equal(200, json.RootElement.GetProperty("statusCode").GetInt32());
        JsonNode app = JsonNode.Parse(json.RootElement.GetProperty("body").GetString()!)!;
        Assert.Equal("POST", app["method"]!.GetValue<string>());
        Assert.Equal("/hello?hello=world&foo=bar", app["url"]!.GetValue<string>());
        Assert.Equal("{\"hello\": \"world\"}", app["body"]!.GetValue<string>());
        Assert.Equal(pending.RequestId, app["id"]!.GetValue<string>());
        Assert.Equal(2, json.RootElement.GetProperty("cookies").GetArrayLength());
        Assert.Contains("Invocations are served by layer web-adapter", process.Output);
    }

    [Fact]
    public async Task CloudRun_PlainHttp_ReachesTheNodeApp()
    {
        var run = new CloudRunEmulator();
        await using (run)
        {
            Dictionary<string, string> environment = Environment(run.Environment);
            environment.Remove("FAAS_HANDLER");
            await using BootstrapProcess process = BootstrapProcess.Start(_bootstrap.GenericBootstrap, environment);
            await run.WaitForReadyAsync(Wait);

            ReceivedResponse response = await run.SendAsync("PUT", "/items/7?x=1", null, "payload"u8.ToArray());

            Assert.Equal(200, response.StatusCode);
            JsonNode app = JsonNode.Parse(response.BodyText)!;
            Assert.Equal("PUT", app["method"]!.GetValue<string>());
            Assert.Equal("/items/7?x=1", app["url"]!.GetValue<string>());
            Assert.Equal("payload", app["body"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task NoHandlerLayer_TheGenericBootstrapFailsItsStartSayingSo()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        await using BootstrapProcess process = BootstrapProcess.Start(_bootstrap.GenericBootstrap,
            ServerEnvironment.For(aws.Environment, "unused", ("FAAS_LAYERS_DIR", Path.Combine(_root, "none"))));

        InitErrorReport report = await aws.InitError.WaitAsync(Wait);

        Assert.Contains("No function is registered", report.BodyText);
        Assert.Equal(1, await process.WaitForExitAsync());
    }
}
