using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class CloudRunEmulatorTests
{
    [Fact]
    public async Task Environment_Defaults_HasPortAndKnativeVariables()
    {
        await using var run = new CloudRunEmulator(new CloudRunEmulatorOptions { FunctionTarget = "hello", FunctionSignatureType = "cloudevent" });
        IReadOnlyDictionary<string, string> env = run.Environment;

        Assert.Equal(run.Port.ToString(CultureInfo.InvariantCulture), env["PORT"]);
        Assert.Equal("test-service", env["K_SERVICE"]);
        Assert.Equal("test-service-00001-abc", env["K_REVISION"]);
        Assert.Equal("test-service", env["K_CONFIGURATION"]);
        Assert.Equal("hello", env["FUNCTION_TARGET"]);
        Assert.Equal("cloudevent", env["FUNCTION_SIGNATURE_TYPE"]);
    }

    [Fact]
    public async Task Send_ClientRequest_ArrivesUnmodifiedPlusForwardingAndTraceHeaders()
    {
        await using var run = new CloudRunEmulator();
        await using var server = FakeHttpServer.Start(run.Port, FakeReply.Text("ok"));
        var headers = new[] { new KeyValuePair<string, string>("X-Custom", "Value With Spaces"), new KeyValuePair<string, string>("content-type", "text/plain") };

        ReceivedResponse response = await run.SendAsync("PATCH", "/a/b?c=d%20e", headers, "payload"u8.ToArray()).WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal("PATCH", seen.Method);
        Assert.Equal("/a/b?c=d%20e", seen.Target);
        Assert.Equal("payload", seen.BodyText);
        Assert.Equal(
            new[] { "Host", "X-Custom", "content-type", "X-Forwarded-For", "X-Forwarded-Proto", "Forwarded", "X-Cloud-Trace-Context", "traceparent", "Content-Length" },
            seen.HeaderNames());
        Assert.Equal("test-service-abc123-uc.a.run.app", seen.Header("Host"));
        Assert.Equal("https", seen.Header("X-Forwarded-Proto"));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", seen.Header("traceparent"));
        Assert.Matches("^[0-9a-f]{32}/[0-9]+;o=1$", seen.Header("X-Cloud-Trace-Context"));
        Assert.Equal(seen.Header("traceparent")!.Substring(3, 32), seen.Header("X-Cloud-Trace-Context")![..32]);
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Send_PlatformHeadersOff_SendsOnlyWhatTheClientSent()
    {
        await using var run = new CloudRunEmulator(new CloudRunEmulatorOptions { AddPlatformHeaders = false });
        await using var server = FakeHttpServer.Start(run.Port, FakeReply.Text("ok"));

        await run.SendAsync("GET", "/", new[] { new KeyValuePair<string, string>("Host", "example.com") }).WaitAsync(Some.Patience);

        Assert.Equal("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", (await server.FirstRequest.WaitAsync(Some.Patience)).RawText);
    }

    [Fact]
    public async Task CloudEventBinary_Event_SendsCeHeadersDataAndContentTypeLikeTheConformanceSample()
    {
        await using var run = new CloudRunEmulator(new CloudRunEmulatorOptions { AddPlatformHeaders = false });
        await using var server = FakeHttpServer.Start(run.Port, FakeReply.Text(string.Empty, 204, "No Content"));
        var cloudEvent = new CloudEvent
        {
            Id = "1234-1234-1234",
            Source = "/mycontext/subcontext",
            Type = "com.example.someevent",
            Time = "2018-04-05T03:56:24Z",
            DataContentType = "application/json",
            Data = "{\n    \"message\": \"Hello World!\"\n}"u8.ToArray(),
        };

        ReceivedResponse response = await run.SendCloudEventBinaryAsync(cloudEvent, "/someresource").WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal(("POST", "/someresource"), (seen.Method, seen.Target));
        Assert.Equal(new[] { "Host", "ce-id", "ce-source", "ce-specversion", "ce-type", "ce-time", "Content-Type", "Content-Length" }, seen.HeaderNames());
        Assert.Equal("1.0", seen.Header("ce-specversion"));
        Assert.Equal("2018-04-05T03:56:24Z", seen.Header("ce-time"));
        Assert.Equal("application/json", seen.Header("Content-Type"));
        Assert.Equal("33", seen.Header("Content-Length"));
        Assert.Null(seen.Header("ce-datacontenttype"));
        Assert.Equal("{\n    \"message\": \"Hello World!\"\n}", seen.BodyText);
        Assert.Equal(204, response.StatusCode);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task CloudEventBinary_AttributeValues_ArePercentEncodedUtf8()
    {
        await using var run = new CloudRunEmulator(new CloudRunEmulatorOptions { AddPlatformHeaders = false });
        await using var server = FakeHttpServer.Start(run.Port, FakeReply.Text("ok"));
        var cloudEvent = new CloudEvent
        {
            Id = "id 1",
            Source = "urn:a\"b%c",
            Type = "t",
            Subject = "Euro € café",
            Extensions = new Dictionary<string, string> { ["traceparent"] = "00-abc-01", ["myext"] = "tab\there" },
        };

        await run.SendCloudEventBinaryAsync(cloudEvent).WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal("id%201", seen.Header("ce-id"));
        Assert.Equal("urn:a%22b%25c", seen.Header("ce-source"));
        Assert.Equal("Euro%20%E2%82%AC%20caf%C3%A9", seen.Header("ce-subject"));
        Assert.Equal("00-abc-01", seen.Header("ce-traceparent"));
        Assert.Equal("tab%09here", seen.Header("ce-myext"));
        Assert.Null(seen.Header("Content-Type"));
        Assert.Equal("0", seen.Header("Content-Length"));
    }

    [Theory]
    [InlineData("UpperCase")]
    [InlineData("with-dash")]
    [InlineData("id")]
    [InlineData("data")]
    public async Task CloudEvent_InvalidExtensionName_Throws(string name)
    {
        await using var run = new CloudRunEmulator();
        var cloudEvent = new CloudEvent { Id = "1", Source = "/s", Type = "t", Extensions = new Dictionary<string, string> { [name] = "v" } };

        await Assert.ThrowsAsync<ArgumentException>(() => run.SendCloudEventBinaryAsync(cloudEvent));
        await Assert.ThrowsAsync<ArgumentException>(() => run.SendCloudEventStructuredAsync(cloudEvent));
    }

    [Fact]
    public async Task CloudEventStructured_JsonData_IsEmbeddedAsAJsonValue()
    {
        await using var run = new CloudRunEmulator(new CloudRunEmulatorOptions { AddPlatformHeaders = false });
        await using var server = FakeHttpServer.Start(run.Port, FakeReply.Text("ok"));
        var cloudEvent = new CloudEvent
        {
            Id = "1234-1234-1234",
            Source = "/mycontext/subcontext",
            Type = "com.example.someevent",
            Time = "2018-04-05T03:56:24Z",
            DataContentType = "application/json",
            Data = """{"message":"Hello World!"}"""u8.ToArray(),
            Extensions = new Dictionary<string, string> { ["comexampleextension1"] = "value" },
        };

        await run.SendCloudEventStructuredAsync(cloudEvent, "/someresource").WaitAsync(Some.Patience);
        ServerRequest seen = await server.FirstRequest.WaitAsync(Some.Patience);

        Assert.Equal("application/cloudevents+json; charset=UTF-8", seen.Header("Content-Type"));
        Assert.Null(seen.Header("ce-id"));
        Assert.Equal(
            """{"specversion":"1.0","id":"1234-1234-1234","source":"/mycontext/subcontext","type":"com.example.someevent","time":"2018-04-05T03:56:24Z","datacontenttype":"application/json","comexampleextension1":"value","data":{"message":"Hello World!"}}""",
            seen.BodyText);
    }

    [Theory]
    [InlineData("application/octet-stream", false, "data_base64")]
    [InlineData("application/json", true, "data_base64")]
    [InlineData("text/plain", false, "data")]
    public async Task CloudEventStructured_NonJsonData_IsAStringOrBase64(string contentType, bool forceBase64, string member)
    {
        await using var run = new CloudRunEmulator(new CloudRunEmulatorOptions { AddPlatformHeaders = false });
        await using var server = FakeHttpServer.Start(run.Port, FakeReply.Text("ok"));
        byte[] data = Encoding.UTF8.GetBytes("{\"a\":1}");
        var cloudEvent = new CloudEvent { Id = "1", Source = "/s", Type = "t", DataContentType = contentType, Data = data };

        await run.SendCloudEventStructuredAsync(cloudEvent, dataAsBase64: forceBase64).WaitAsync(Some.Patience);
        using JsonDocument sent = JsonDocument.Parse((await server.FirstRequest.WaitAsync(Some.Patience)).Body);

        JsonElement value = sent.RootElement.GetProperty(member);
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.Equal(member == "data" ? "{\"a\":1}" : Convert.ToBase64String(data), value.GetString());
        Assert.False(sent.RootElement.TryGetProperty(member == "data" ? "data_base64" : "data", out _));
    }
}
