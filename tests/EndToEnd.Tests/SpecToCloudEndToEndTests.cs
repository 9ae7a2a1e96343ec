using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>
/// From f.yml to running instances, as a user goes: samples/Shop's three functions in one aggregation group, packaged
/// with <c>faas package</c> for two clouds (AWS, a poll platform; Alibaba FC, a server platform), each zip unpacked
/// and its <c>bootstrap</c> run against that cloud's emulator with nothing but the platform's environment (the
/// manifest beside it routes). Then one line of f.yml takes <c>orders</c> out of the group, and the same binary
/// packaged again serves it as its own deployment while the group no longer does.
/// </summary>
[Collection(ShopCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // native Linux bootstraps, unpacked with their Unix modes
public sealed class SpecToCloudEndToEndTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string GroupLine = "    functions: [hello, orders, tick]";

    private static readonly string s_spec = """
        service: shop
        provider:
          name: aws
        functions:
          hello:
            events:
              - http: { path: '/hello/{name}', method: GET }
          orders:
            events:
              - http: { path: /orders, method: POST }
          tick:
            events:
              - timer: { rate: 5m }
        aggregation:
          api:
        """ + "\n" + GroupLine + "\n" + """
            prefix: /api
        """ + "\n";

    private readonly PublishedShop _shop;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "faas-e2e-spec-" + Guid.NewGuid().ToString("N"));

    public SpecToCloudEndToEndTests(PublishedShop shop)
    {
        _shop = shop;
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "f.yml"), s_spec);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Aws_OneGroupServesAllThree_ThenOrdersSplitsOutByEditingFyml()
    {
        Dictionary<string, string> zips = await PackageAsync("aws", "dist-aws");
        Assert.Equal(["api"], zips.Keys);

        await using (var aws = await AwsRuntimeApiEmulator.StartAsync())
        {
            PendingInvocation hello = aws.Enqueue(ApiGatewayV2("GET", "/api/hello/ada", ""));
            PendingInvocation order = aws.Enqueue(ApiGatewayV2("POST", "/api/orders", """{\"sku\":\"tea\",\"quantity\":2}"""));
            PendingInvocation tick = aws.Enqueue(Scheduled("tick-timer-0"));
            PendingInvocation nowhere = aws.Enqueue(ApiGatewayV2("GET", "/api/nowhere", ""));
            await using BootstrapProcess bootstrap = BootstrapProcess.Start(zips["api"], aws.Environment);

            AssertHttp(await hello.Completion.WaitAsync(Wait), 200, "Hello, ada!");
            AssertHttp(await order.Completion.WaitAsync(Wait), 201, "\"orderId\":\"o-1\"");
            InvocationOutcome ticked = await tick.Completion.WaitAsync(Wait);
            Assert.False(ticked.IsError, ticked.BodyText);
            Assert.Contains("\"ordersSeen\":1", ticked.BodyText, StringComparison.OrdinalIgnoreCase);
            AssertHttp(await nowhere.Completion.WaitAsync(Wait), 404, "No route for GET /api/nowhere");
        }

        SplitOrdersOut();
        zips = await PackageAsync("aws", "dist-aws-split");
        Assert.Equal(["api", "orders"], zips.Keys);

        await using (var aws = await AwsRuntimeApiEmulator.StartAsync())
        {
            PendingInvocation hello = aws.Enqueue(ApiGatewayV2("GET", "/api/hello/bo", ""));
            PendingInvocation order = aws.Enqueue(ApiGatewayV2("POST", "/api/orders", """{\"sku\":\"tea\",\"quantity\":2}"""));
            await using BootstrapProcess bootstrap = BootstrapProcess.Start(zips["api"], aws.Environment);

            AssertHttp(await hello.Completion.WaitAsync(Wait), 200, "Hello, bo!");
            AssertHttp(await order.Completion.WaitAsync(Wait), 404, "No route for POST /api/orders");
        }
        await using (var aws = await AwsRuntimeApiEmulator.StartAsync())
        {
            PendingInvocation order = aws.Enqueue(ApiGatewayV2("POST", "/orders", """{\"sku\":\"jam\",\"quantity\":3}"""));
            await using BootstrapProcess bootstrap = BootstrapProcess.Start(zips["orders"], aws.Environment);

            AssertHttp(await order.Completion.WaitAsync(Wait), 201, "\"sku\":\"jam\"");
        }
    }

    [Fact]
    public async Task Fc_OneGroupServesAllThree_ThenOrdersSplitsOutByEditingFyml()
    {
        Dictionary<string, string> zips = await PackageAsync("alibaba", "dist-fc");
        Assert.Equal(["api"], zips.Keys);

        await using (var fc = new AlibabaFcEmulator())
        await using (BootstrapProcess bootstrap = BootstrapProcess.Start(zips["api"], Loopback(fc.Environment)))
        {
            await fc.WaitForReadyAsync(Wait);

            FcOutcome hello = await fc.HttpInvokeAsync("GET", "/api/hello/ada");
            FcOutcome order = await fc.HttpInvokeAsync("POST", "/api/orders", [KeyValuePair.Create("Content-Type", "application/json")],
                Encoding.UTF8.GetBytes("""{"sku":"tea","quantity":2}"""));
            FcOutcome tick = await fc.InvokeAsync("""{"triggerTime":"2026-11-25T12:00:00Z","triggerName":"tick-timer-0","payload":""}""");
            FcOutcome wrongMethod = await fc.HttpInvokeAsync("GET", "/api/orders");

            Assert.Equal(200, hello.StatusCode);
            Assert.StartsWith("Hello, ada!", hello.BodyText, StringComparison.Ordinal);
            Assert.Equal(201, order.StatusCode);
            Assert.Contains("\"orderId\":\"o-1\"", order.BodyText, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("200", tick.FcStatus);
            Assert.Contains("\"ordersSeen\":1", tick.BodyText, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(405, wrongMethod.StatusCode);
        }

        SplitOrdersOut();
        // FC has no path on an HTTP trigger: a lone function gets every path, which faas reports unless told to warn.
        zips = await PackageAsync("alibaba", "dist-fc-split", "--warn-unsupported");
        Assert.Equal(["api", "orders"], zips.Keys);

        await using (var fc = new AlibabaFcEmulator())
        await using (BootstrapProcess bootstrap = BootstrapProcess.Start(zips["api"], Loopback(fc.Environment)))
        {
            await fc.WaitForReadyAsync(Wait);
            FcOutcome order = await fc.HttpInvokeAsync("POST", "/api/orders", body: Encoding.UTF8.GetBytes("""{"sku":"tea","quantity":2}"""));
            FcOutcome hello = await fc.HttpInvokeAsync("GET", "/api/hello/bo");

            Assert.Equal(404, order.StatusCode);
            Assert.StartsWith("Hello, bo!", hello.BodyText, StringComparison.Ordinal);
        }
        await using (var fc = new AlibabaFcEmulator())
        await using (BootstrapProcess bootstrap = BootstrapProcess.Start(zips["orders"], Loopback(fc.Environment)))
        {
            await fc.WaitForReadyAsync(Wait);
            FcOutcome order = await fc.HttpInvokeAsync("POST", "/orders", body: Encoding.UTF8.GetBytes("""{"sku":"jam","quantity":3}"""));

            Assert.Equal(201, order.StatusCode);
            Assert.Contains("\"sku\":\"jam\"", order.BodyText, StringComparison.OrdinalIgnoreCase);
        }
    }

    // The one-line edit: orders leaves the group.
    private void SplitOrdersOut()
    {
        string path = Path.Combine(_directory, "f.yml");
        string text = File.ReadAllText(path);
        Assert.Contains(GroupLine, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(GroupLine, "    functions: [hello, tick]", StringComparison.Ordinal));
    }

    /// <summary>Runs <c>faas package</c>, unpacks each deployment's zip into a folder of its own; deployment name → its bootstrap.</summary>
    private async Task<Dictionary<string, string>> PackageAsync(string platform, string outName, params string[] extra)
    {
        string output = Path.Combine(_directory, outName);
        (int code, string log) = await _shop.FaasAsync(_directory,
            ["package", "--platform", platform, "--bootstrap", _shop.Bootstrap, "--out", output, .. extra]);
        Assert.True(code == 0, log);
        if (extra.Length > 0)
        {
            Assert.Contains("f.yml:10:23: warning: 'path': Alibaba Function Compute has no path on an HTTP trigger", log, StringComparison.Ordinal);
        }
        var bootstraps = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string zip in Directory.GetFiles(output, "*.zip"))
        {
            string name = Path.GetFileNameWithoutExtension(zip);
            string folder = Path.Combine(_directory, "run-" + outName + "-" + name);
            ZipFile.ExtractToDirectory(zip, folder);
            string bootstrap = Path.Combine(folder, "bootstrap");
            // The zip carries the mode; extraction on Unix restores it, as the cloud's unpacking does.
            Assert.True((File.GetUnixFileMode(bootstrap) & UnixFileMode.UserExecute) != 0, $"{zip}: bootstrap is not executable");
            Assert.True(File.Exists(Path.Combine(folder, "faas-manifest.json")), $"{zip}: no faas-manifest.json");
            bootstraps.Add(name, bootstrap);
        }
        return new Dictionary<string, string>(bootstraps);
    }

    private static Dictionary<string, string> Loopback(IReadOnlyDictionary<string, string> platform) =>
        new(platform) { ["FAAS_BIND_ADDRESS"] = "127.0.0.1" };

    private static string ApiGatewayV2(string method, string path, string body) => $$"""
        {"version":"2.0","routeKey":"$default","rawPath":"{{path}}","rawQueryString":"",
         "headers":{"host":"example.com","content-type":"application/json"},
         "requestContext":{"http":{"method":"{{method}}","path":"{{path}}","protocol":"HTTP/1.1","sourceIp":"192.0.2.1"},"requestId":"r"},
         "body":"{{body}}","isBase64Encoded":false}
        """;

    // An EventBridge scheduled event as AWS sends it, from the rule SAM names after the trigger (tick-timer-0).
    private static string Scheduled(string rule) => $$$"""
        {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event","source":"aws.events",
         "account":"123456789012","time":"2026-11-25T12:00:00Z","region":"us-east-1",
         "resources":["arn:aws:events:us-east-1:123456789012:rule/{{{rule}}}"],"detail":{}}
        """;

    private static void AssertHttp(InvocationOutcome outcome, int status, string bodyContains)
    {
        Assert.False(outcome.IsError, outcome.BodyText);
        using JsonDocument answer = JsonDocument.Parse(outcome.Body);
        Assert.Equal(status, answer.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Contains(bodyContains, answer.RootElement.GetProperty("body").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
