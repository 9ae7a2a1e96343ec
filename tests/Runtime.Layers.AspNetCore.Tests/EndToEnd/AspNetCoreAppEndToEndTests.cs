using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace Runtime.Layers.AspNetCore.Tests.EndToEnd;

/// <summary>samples/AspNetCoreApp, published native AOT, against the AWS Runtime API emulator as a real process.</summary>
[Collection(PublishedSampleCollection.Name)]
public sealed class AspNetCoreAppEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PublishedSample _sample;

    public AspNetCoreAppEndToEndTests(PublishedSample sample) => _sample = sample;

    [Fact]
    public async Task FunctionUrlEvents_AreServedByTheAppAndAnsweredInThePayload20Shape()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "bootstrap" });
        PendingInvocation post = aws.Enqueue(RepoPaths.Fixture("aws/function-url-post-cookies.json"));
        PendingInvocation missing = aws.Enqueue(RepoPaths.Fixture("aws/apigw-http-v2-post-doc-example.json"));
        await using ChildProcess bootstrap = ChildProcess.Start(_sample.Path, aws.Environment);

        InvocationOutcome greeted = await post.Completion.WaitAsync(Wait);
        InvocationOutcome notFound = await missing.Completion.WaitAsync(Wait);
        bootstrap.Terminate();
        int exit = await bootstrap.WaitForExitAsync(Wait);

        Assert.False(greeted.IsError, greeted.BodyText);
        Assert.Equal(
            """{"statusCode":200,"headers":{"X-Served-By":"aspnetcore","Content-Type":"application/json; charset=utf-8"},"cookies":["greeted=world; path=/"],"body":"{\"greeting\":\"Hello, world!\",\"cookies\":[\"foo=bar\",\"hello=hello\"],\"query\":\"?hello=world&foo=bar\",\"scheme\":\"https\"}","isBase64Encoded":false}""",
            greeted.BodyText);
        Assert.Equal("application/json", greeted.ContentType);
        Assert.Equal(
            """{"statusCode":404,"headers":{"X-Served-By":"aspnetcore"},"cookies":[],"body":"","isBase64Encoded":false}""",
            notFound.BodyText);
        Assert.Equal(0, exit);
        // Every stdout line is one of the runtime's JSON log events: the app's logging goes through the runtime.
        Assert.All(bootstrap.Lines.Where(l => !l.StartsWith("stderr: ", StringComparison.Ordinal)), l => JsonDocument.Parse(l).Dispose());
        Assert.Contains(bootstrap.Lines, l => l.Contains("Invocations are served by layer aspnetcore", StringComparison.Ordinal));
        Assert.Contains(bootstrap.Lines, l => l.Contains("Closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndpointWithRouteParameter_AndJsonTodo_AnswerThroughTheNativeApp()
    {
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "bootstrap" });
        PendingInvocation hello = aws.Enqueue(V2Event("GET", "/hello/Ada", ""));
        PendingInvocation todo = aws.Enqueue(V2Event("GET", "/todos/2", ""));
        PendingInvocation created = aws.Enqueue(V2Event("POST", "/todos", """{"id":3,"title":"Ship it","done":false}"""));
        await using ChildProcess bootstrap = ChildProcess.Start(_sample.Path, aws.Environment);

        InvocationOutcome helloOutcome = await hello.Completion.WaitAsync(Wait);
        InvocationOutcome todoOutcome = await todo.Completion.WaitAsync(Wait);
        InvocationOutcome createdOutcome = await created.Completion.WaitAsync(Wait);

        Assert.Equal(
            """{"statusCode":200,"headers":{"X-Served-By":"aspnetcore","Content-Type":"text/plain; charset=utf-8"},"cookies":[],"body":"Hello, Ada!","isBase64Encoded":false}""",
            helloOutcome.BodyText);
        Assert.Equal(
            """{"statusCode":200,"headers":{"X-Served-By":"aspnetcore","Content-Type":"application/json; charset=utf-8"},"cookies":[],"body":"{\"id\":2,\"title\":\"Write the layer\",\"done\":true}","isBase64Encoded":false}""",
            todoOutcome.BodyText);
        using JsonDocument json = JsonDocument.Parse(createdOutcome.Body);
        Assert.Equal(201, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("/todos/3", json.RootElement.GetProperty("headers").GetProperty("Location").GetString());
    }

    /// <summary>A minimal API Gateway HTTP API (payload 2.0) event.</summary>
    internal static string V2Event(string method, string path, string body) =>
        "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":" + JsonSerializer.Serialize(path, TestJsonContext.Default.String)
        + ",\"rawQueryString\":\"\",\"headers\":{\"content-type\":\"application/json\",\"x-forwarded-proto\":\"https\"},"
        + "\"requestContext\":{\"http\":{\"method\":\"" + method + "\",\"path\":" + JsonSerializer.Serialize(path, TestJsonContext.Default.String)
        + ",\"sourceIp\":\"198.51.100.7\"},\"requestId\":\"r\"},\"body\":" + JsonSerializer.Serialize(body, TestJsonContext.Default.String)
        + ",\"isBase64Encoded\":false}";
}
