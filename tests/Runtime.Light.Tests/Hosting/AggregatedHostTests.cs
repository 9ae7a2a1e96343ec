using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Runtime.Engine;
using Runtime.Light.Hosting;
using Xunit;

namespace Runtime.Light.Tests.Hosting;

/// <summary>
/// The bootstrap with an aggregation manifest (<c>FAAS_MANIFEST</c>), in-process against the emulators: one poll
/// platform (AWS) and one server platform (Alibaba FC) route HTTP requests by path and events by trigger name.
/// </summary>
public sealed class AggregatedHostTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string Manifest = """
        {"version":1,"service":"shop","group":"api","prefix":"/api","functions":[
          {"name":"hello","http":[{"path":"/hello/{name}","methods":["GET"]}]},
          {"name":"nightly","triggers":["my-scheduled-rule","timer-trigger"]}]}
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aggregated-host-" + Guid.NewGuid().ToString("N"));

    public AggregatedHostTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteManifest(string json)
    {
        string path = Path.Combine(_directory, "faas-manifest.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static FunctionAppBuilder Builder()
    {
        var builder = new FunctionAppBuilder();
        builder.Functions.AddHttp("hello", (ctx, req, res) =>
        {
            res.ContentType = "text/plain";
            res.Write($"hi {req.PathParameters["name"]} from {ctx.HandlerName}");
            return default;
        });
        builder.Functions.AddRaw("nightly", ctx =>
        {
            ctx.Output.Write("""{"ran":"nightly"}"""u8);
            return default;
        });
        builder.Functions.AddRaw("unrouted", _ => throw new InvalidOperationException("not in the group"));
        return builder;
    }

    private static string ApiGatewayV2(string method, string path) => $$"""
        {"version":"2.0","routeKey":"$default","rawPath":"{{path}}","rawQueryString":"","headers":{"host":"example.com"},
         "requestContext":{"http":{"method":"{{method}}","path":"{{path}}","protocol":"HTTP/1.1","sourceIp":"192.0.2.1"},"requestId":"r"},
         "isBase64Encoded":false}
        """;

    [Fact]
    public async Task Aws_HttpAndScheduledEvents_ReachTheirFunctions()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation http = aws.Enqueue(ApiGatewayV2("GET", "/api/hello/bob"));
        PendingInvocation missing = aws.Enqueue(ApiGatewayV2("GET", "/api/nope"));
        PendingInvocation scheduled = aws.Enqueue(Fixture.Bytes("aws/scheduled.json"));
        PendingInvocation s3 = aws.Enqueue(Fixture.Bytes("aws/s3-put.json"));
        PendingInvocation after = aws.Enqueue(ApiGatewayV2("POST", "/api/hello/ann"));
        await using var host = new InProcessHost(Builder(), aws.Environment, ("FAAS_MANIFEST", WriteManifest(Manifest)));

        InvocationOutcome httpOutcome = await http.Completion.WaitAsync(Wait);
        InvocationOutcome missingOutcome = await missing.Completion.WaitAsync(Wait);
        InvocationOutcome scheduledOutcome = await scheduled.Completion.WaitAsync(Wait);
        InvocationOutcome s3Outcome = await s3.Completion.WaitAsync(Wait);
        InvocationOutcome afterOutcome = await after.Completion.WaitAsync(Wait);

        using (JsonDocument answer = JsonDocument.Parse(httpOutcome.Body))
        {
            Assert.Equal(200, answer.RootElement.GetProperty("statusCode").GetInt32());
            Assert.Equal("hi bob from hello", answer.RootElement.GetProperty("body").GetString());
        }
        using (JsonDocument answer = JsonDocument.Parse(missingOutcome.Body))
        {
            Assert.Equal(404, answer.RootElement.GetProperty("statusCode").GetInt32());
            Assert.Equal("""{"message":"No route for GET /api/nope"}""", answer.RootElement.GetProperty("body").GetString());
        }
        Assert.False(scheduledOutcome.IsError);
        Assert.Equal("""{"ran":"nightly"}""", scheduledOutcome.BodyText);
        Assert.True(s3Outcome.IsError);
        Assert.Equal("Runtime.NoRoute", s3Outcome.ErrorTypeHeader);
        using (JsonDocument answer = JsonDocument.Parse(afterOutcome.Body))
        {
            Assert.Equal(405, answer.RootElement.GetProperty("statusCode").GetInt32());
            Assert.Equal("GET", answer.RootElement.GetProperty("headers").GetProperty("Allow").GetString());
        }
        Assert.Equal(0, await host.StopAsync());
    }

    [Theory]
    [InlineData("{\"version\":2,\"functions\":[]}", "has version 2; this runtime reads version 1.")]
    [InlineData("{\"version\":1,", "is not valid JSON (line 1, byte 13).")]
    [InlineData("{\"version\":1,\"functions\":[{\"name\":\"hello\"},{\"name\":\"orders\"}]}",
        "lists function 'orders', which this binary does not register. Registered: 'hello', 'nightly', 'unrouted'.")]
    public async Task Aws_BadManifest_IsOneInitError(string json, string expected)
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        string path = WriteManifest(json);
        await using var host = new InProcessHost(Builder(), aws.Environment, ("FAAS_MANIFEST", path));

        InitErrorReport report = await aws.InitError.WaitAsync(Wait);

        Assert.Equal(ExitCodes.StartFailed, await host.Running.WaitAsync(Wait));
        Assert.Equal("Runtime.ConfigInvalid", report.ErrorTypeHeader);
        using JsonDocument body = JsonDocument.Parse(report.Body);
        Assert.EndsWith($"Aggregation manifest {path} {expected}", body.RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task Aws_ManifestNamedButMissing_IsAnInitError()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        string path = Path.Combine(_directory, "missing.json");
        await using var host = new InProcessHost(Builder(), aws.Environment, ("FAAS_MANIFEST", path));

        InitErrorReport report = await aws.InitError.WaitAsync(Wait);

        Assert.Equal(ExitCodes.StartFailed, await host.Running.WaitAsync(Wait));
        Assert.Contains($"Aggregation manifest {path} cannot be read: ", report.BodyText);
    }

    [Fact]
    public async Task Aws_NoManifest_ServesTheHandlerAsBefore()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation scheduled = aws.Enqueue(Fixture.Bytes("aws/scheduled.json"));
        await using var host = new InProcessHost(Builder(), aws.Environment, ("FAAS_HANDLER", "nightly"));

        InvocationOutcome outcome = await scheduled.Completion.WaitAsync(Wait);

        Assert.Equal("""{"ran":"nightly"}""", outcome.BodyText);
    }

    [Fact]
    public async Task Fc_HttpRequestAndTimerEvent_ReachTheirFunctions()
    {
        await using var fc = new AlibabaFcEmulator();
        await using var host = new InProcessHost(Builder(), fc.Environment, ("FAAS_BIND_ADDRESS", "127.0.0.1"),
            ("FAAS_MANIFEST", WriteManifest(Manifest)));
        await fc.WaitForReadyAsync(Wait);

        FcOutcome http = await fc.HttpInvokeAsync("GET", "/api/hello/cy?x=1");
        FcOutcome wrongMethod = await fc.HttpInvokeAsync("DELETE", "/api/hello/cy");
        FcOutcome timer = await fc.InvokeAsync(Fixture.Bytes("alibaba/timer-doc.json"));
        FcOutcome oss = await fc.InvokeAsync(Fixture.Bytes("alibaba/oss-put.json"));

        Assert.Equal(200, http.StatusCode);
        Assert.Equal("hi cy from hello", http.BodyText);
        Assert.Equal(405, wrongMethod.StatusCode);
        Assert.Contains(new KeyValuePair<string, string>("Allow", "GET"), wrongMethod.Headers);
        Assert.Equal(200, timer.StatusCode);
        Assert.Equal("""{"ran":"nightly"}""", timer.BodyText);
        Assert.True(oss.IsFunctionError);
        Assert.Contains("Runtime.NoRoute", oss.BodyText);
    }
}
