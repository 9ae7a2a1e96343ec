using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>
/// The published native bootstrap serving an aggregation group from a manifest (<c>FAAS_MANIFEST</c>): HTTP requests
/// routed by path below the prefix, events by trigger name, on a poll platform (AWS) and a server platform (FC).
/// </summary>
[Collection(BootstrapCollection.Name)]
public sealed class AggregationEndToEndTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Manifest = """
        {"version":1,"service":"e2e","group":"shop","prefix":"/api","functions":[
          {"name":"hello","http":[{"path":"/hello","methods":["GET"]}]},
          {"name":"echo","http":[{"path":"/echo/{rest+}","methods":["POST"]}],"triggers":["my-scheduled-rule","timer-trigger"]}]}
        """;

    private readonly PublishedBootstrap _bootstrap;
    private readonly string _manifest = Path.Combine(Path.GetTempPath(), "faas-manifest-e2e-" + Guid.NewGuid().ToString("N") + ".json");

    public AggregationEndToEndTests(PublishedBootstrap bootstrap)
    {
        _bootstrap = bootstrap;
        File.WriteAllText(_manifest, Manifest);
    }

    public void Dispose() => File.Delete(_manifest);

    private static string ApiGatewayV2(string method, string path, string query) => $$"""
        {"version":"2.0","routeKey":"$default","rawPath":"{{path}}","rawQueryString":"{{query}}","queryStringParameters":{"name":"ada"},
         "headers":{"host":"example.com"},"requestContext":{"http":{"method":"{{method}}","path":"{{path}}","protocol":"HTTP/1.1","sourceIp":"192.0.2.1"},"requestId":"r"},
         "isBase64Encoded":false}
        """;

    [Fact]
    public async Task Aws_RoutesHttpByPathAndEventsByRuleName()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation http = aws.Enqueue(ApiGatewayV2("GET", "/api/hello", "name=ada"));
        PendingInvocation missing = aws.Enqueue(ApiGatewayV2("GET", "/hello", ""));
        PendingInvocation scheduled = aws.Enqueue(Fixtures.Read("aws/scheduled.json"));
        PendingInvocation sqs = aws.Enqueue(Fixtures.Read("aws/sqs.json"));
        var environment = new Dictionary<string, string>(aws.Environment) { ["FAAS_MANIFEST"] = _manifest };
        await using BootstrapProcess bootstrap = BootstrapProcess.Start(_bootstrap.Path, environment);

        InvocationOutcome httpOutcome = await http.Completion.WaitAsync(Wait);
        InvocationOutcome missingOutcome = await missing.Completion.WaitAsync(Wait);
        InvocationOutcome scheduledOutcome = await scheduled.Completion.WaitAsync(Wait);
        InvocationOutcome sqsOutcome = await sqs.Completion.WaitAsync(Wait);

        using (JsonDocument answer = JsonDocument.Parse(httpOutcome.Body))
        {
            Assert.Equal(200, answer.RootElement.GetProperty("statusCode").GetInt32());
            Assert.Equal("Hello, ada!", answer.RootElement.GetProperty("body").GetString());
        }
        using (JsonDocument answer = JsonDocument.Parse(missingOutcome.Body))
        {
            Assert.Equal(404, answer.RootElement.GetProperty("statusCode").GetInt32());
            Assert.Equal("""{"message":"No route for GET /hello"}""", answer.RootElement.GetProperty("body").GetString());
        }
        Assert.False(scheduledOutcome.IsError, scheduledOutcome.BodyText);
        Assert.Equal(Fixtures.Read("aws/scheduled.json"), scheduledOutcome.Body);
        Assert.True(sqsOutcome.IsError);
        Assert.Equal("Runtime.NoRoute", sqsOutcome.ErrorTypeHeader);
    }

    [Fact]
    public async Task Aws_ManifestNamesAnUnregisteredFunction_InitErrorAndExit1()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        File.WriteAllText(_manifest, """{"version":1,"functions":[{"name":"echo"},{"name":"orders"}]}""");
        var environment = new Dictionary<string, string>(aws.Environment) { ["FAAS_MANIFEST"] = _manifest };
        await using BootstrapProcess bootstrap = BootstrapProcess.Start(_bootstrap.Path, environment);

        InitErrorReport report = await aws.InitError.WaitAsync(Wait);

        Assert.Equal(1, await bootstrap.WaitForExitAsync(Wait));
        Assert.Equal("Runtime.ConfigInvalid", report.ErrorTypeHeader);
        Assert.Contains($"Aggregation manifest {_manifest} lists function 'orders', which this binary does not register.", report.BodyText);
    }

    [Fact]
    public async Task Fc_RoutesRawHttpByPathAndTimersByTriggerName()
    {
        await using var fc = new AlibabaFcEmulator();
        var environment = new Dictionary<string, string>(fc.Environment) { ["FAAS_BIND_ADDRESS"] = "127.0.0.1", ["FAAS_MANIFEST"] = _manifest };
        await using BootstrapProcess bootstrap = BootstrapProcess.Start(_bootstrap.Path, environment);
        await fc.WaitForReadyAsync(Wait);

        FcOutcome hello = await fc.HttpInvokeAsync("GET", "/api/hello?name=bo");
        FcOutcome wrongMethod = await fc.HttpInvokeAsync("GET", "/api/echo/a/b");
        FcOutcome timer = await fc.InvokeAsync(Fixtures.Read("alibaba/timer-doc.json"));

        Assert.Equal(200, hello.StatusCode);
        Assert.Equal("Hello, bo!", hello.BodyText);
        Assert.Equal(405, wrongMethod.StatusCode);
        Assert.Contains(new KeyValuePair<string, string>("Allow", "POST"), wrongMethod.Headers);
        Assert.Equal(200, timer.StatusCode);
        Assert.Equal(Fixtures.Read("alibaba/timer-doc.json"), timer.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CloudRun_RoutesCloudEventsByTheirFaasTriggerExtension(bool structured)
    {
        await using var run = new CloudRunEmulator();
        var environment = new Dictionary<string, string>(run.Environment) { ["FAAS_BIND_ADDRESS"] = "127.0.0.1", ["FAAS_MANIFEST"] = _manifest };
        await using BootstrapProcess bootstrap = BootstrapProcess.Start(_bootstrap.Path, environment);
        await run.WaitForReadyAsync(Wait);

        // What a generated PingSource sends: ceOverrides put the f.yml trigger's name in the faastrigger extension.
        CloudEvent Ping(string? trigger) => new()
        {
            Id = "ping-1", Source = "/apis/v1/namespaces/default/pingsources/e2e-timer-trigger", Type = "dev.knative.sources.ping",
            DataContentType = "application/json", Data = System.Text.Encoding.UTF8.GetBytes("""{"tick":1}"""),
            Extensions = trigger is null ? null : new Dictionary<string, string> { ["faastrigger"] = trigger },
        };
        ReceivedResponse routed = structured ? await run.SendCloudEventStructuredAsync(Ping("timer-trigger")) : await run.SendCloudEventBinaryAsync(Ping("timer-trigger"));
        ReceivedResponse unnamed = structured ? await run.SendCloudEventStructuredAsync(Ping(null)) : await run.SendCloudEventBinaryAsync(Ping(null));

        Assert.Equal(200, routed.StatusCode);
        Assert.Equal("""{"tick":1}""", routed.BodyText);
        // Without the extension it is an HTTP request like any other (POST /), and no route takes it.
        Assert.Equal(404, unnamed.StatusCode);
        Assert.Equal("""{"message":"No route for POST /"}""", unnamed.BodyText);
    }
}
