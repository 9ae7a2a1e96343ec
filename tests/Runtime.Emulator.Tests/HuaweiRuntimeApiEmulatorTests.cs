using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class HuaweiRuntimeApiEmulatorTests
{
    private const string RequestPath = "v1/runtime/invocation/request";

    [Fact]
    public async Task Environment_Defaults_HasEveryDocumentedVariable()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        IReadOnlyDictionary<string, string> env = huawei.Environment;

        Assert.Equal($"127.0.0.1:{huawei.Port}", env["RUNTIME_API_ADDR"]);
        Assert.Equal(huawei.HostAndPort, env["RUNTIME_API_ADDR"]);
        Assert.Equal("test-function", env["RUNTIME_FUNC_NAME"]);
        Assert.Equal("latest", env["RUNTIME_FUNC_VERSION"]);
        Assert.Equal("default", env["RUNTIME_PACKAGE"]);
        Assert.Equal("echo", env["RUNTIME_HANDLER"]);
        Assert.Equal("30", env["RUNTIME_TIMEOUT"]);
        Assert.Equal("{}", env["RUNTIME_USERDATA"]);
        Assert.Equal("128", env["RUNTIME_MEMORY"]);
        Assert.Equal("/opt/function/code", env["RUNTIME_CODE_ROOT"]);
        Assert.False(string.IsNullOrEmpty(env["RUNTIME_PROJECT_ID"]));
        Assert.False(string.IsNullOrEmpty(env["RUNTIME_CPU"]));
        Assert.Equal(11, env.Count);
    }

    [Fact]
    public async Task Environment_CustomOptions_AreReflected()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync(new HuaweiEmulatorOptions
        {
            FunctionName = "orders",
            Timeout = TimeSpan.FromSeconds(90),
            MemorySizeMb = 512,
            Handler = "index.handler",
            AdditionalEnvironment = new Dictionary<string, string> { ["EXTRA"] = "yes" },
        });

        Assert.Equal("orders", huawei.Environment["RUNTIME_FUNC_NAME"]);
        Assert.Equal("90", huawei.Environment["RUNTIME_TIMEOUT"]);
        Assert.Equal("512", huawei.Environment["RUNTIME_MEMORY"]);
        Assert.Equal("index.handler", huawei.Environment["RUNTIME_HANDLER"]);
        Assert.Equal("yes", huawei.Environment["EXTRA"]);
    }

    [Fact]
    public async Task Request_EventQueued_Returns200WithCffHeadersSpelledAsDocumented()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = huawei.Enqueue(Some.Event(1));
        await using RawHttpConnection connection = await RawHttpConnection.ConnectAsync(huawei.Port);

        await connection.SendAsync("GET", "/v1/runtime/invocation/request");
        RawHttpResponse response = (await connection.ReadResponseAsync().WaitAsync(Some.Patience))!;

        Assert.Equal(200, response.Status);
        Assert.Equal(Some.Event(1), response.BodyText);
        Assert.Contains(new KeyValuePair<string, string>("X-Cff-Request-Id", pending.RequestId), response.Headers);
        Assert.Contains(new KeyValuePair<string, string>("X-CFF-Access-Key", huawei.Options.AccessKey), response.Headers);
        Assert.Contains(new KeyValuePair<string, string>("X-CFF-Secret-Key", huawei.Options.SecretKey), response.Headers);
        Assert.Contains(new KeyValuePair<string, string>("X-CFF-Auth-Token", huawei.Options.AuthToken), response.Headers);
        Assert.Contains(new KeyValuePair<string, string>("X-CFF-Security-Token", huawei.Options.SecurityToken), response.Headers);
        Assert.Contains(new KeyValuePair<string, string>("X-CFF-Invoke-Type", "sync"), response.Headers);
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal(1, huawei.OutstandingInvocations);
        Assert.Equal(1, pending.DeliveryCount);
    }

    [Fact]
    public async Task Request_NoAgency_OmitsCredentialHeaders()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync(new HuaweiEmulatorOptions { AgencyConfigured = false });
        using var runtime = FakeRuntime.For(huawei);
        huawei.Enqueue("{}", new InvocationOptions { InvokeType = "async" });

        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);

        Assert.Null(FakeRuntime.Header(next, "X-CFF-Access-Key"));
        Assert.Null(FakeRuntime.Header(next, "X-CFF-Secret-Key"));
        Assert.Null(FakeRuntime.Header(next, "X-CFF-Auth-Token"));
        Assert.Null(FakeRuntime.Header(next, "X-CFF-Security-Token"));
        Assert.Equal("async", FakeRuntime.Header(next, "X-CFF-Invoke-Type"));
        Assert.NotNull(FakeRuntime.Header(next, "X-Cff-Request-Id"));
    }

    [Fact]
    public async Task Request_NothingQueued_LongPollsUntilAnEventIsEnqueued()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);

        Task<HttpResponseMessage> poll = runtime.GetAsync(RequestPath);
        RecordedRequest first = await huawei.FirstPoll.WaitAsync(Some.Patience);
        Assert.False(poll.IsCompleted);
        Assert.Equal("/v1/runtime/invocation/request", first.Path);

        PendingInvocation pending = huawei.Enqueue(Some.Event(2));
        using HttpResponseMessage next = await poll.WaitAsync(Some.Patience);

        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "X-Cff-Request-Id"));
        Assert.Equal(Some.Event(2), await FakeRuntime.BodyAsync(next));
    }

    [Fact]
    public async Task Response_Posted_Returns200AndCompletesTheOutcome()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);
        PendingInvocation pending = huawei.Enqueue("{}");
        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.PostAsync($"v1/runtime/invocation/response/{pending.RequestId}", Encoding.UTF8.GetBytes("""{"statusCode":200,"body":"é"}"""));
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(string.Empty, await FakeRuntime.BodyAsync(posted));
        Assert.False(outcome.IsError);
        Assert.Equal(pending.RequestId, outcome.RequestId);
        Assert.Equal("""{"statusCode":200,"body":"é"}""", outcome.BodyText);
        Assert.Equal(200, outcome.StatusReturned);
        Assert.Equal(0, huawei.OutstandingInvocations);
    }

    [Fact]
    public async Task Error_Posted_Returns200AndCompletesAsError()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);
        PendingInvocation pending = huawei.Enqueue("{}");
        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.PostAsync($"v1/runtime/invocation/error/{pending.RequestId}", """{"errorType":"E","errorMessage":"m"}"""u8.ToArray());
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True(outcome.IsError);
        Assert.Equal("""{"errorType":"E","errorMessage":"m"}""", outcome.BodyText);
    }

    [Theory]
    [InlineData("response")]
    [InlineData("error")]
    public async Task Result_UnknownRequestId_Returns404AndCompletesNothing(string kind)
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);
        PendingInvocation pending = huawei.Enqueue("{}");
        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.PostAsync($"v1/runtime/invocation/{kind}/{Some.RequestId()}", "{}"u8.ToArray());

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Contains("\"errorType\":\"InvalidRequestId\"", await FakeRuntime.BodyAsync(posted), StringComparison.Ordinal);
        Assert.False(pending.Completion.IsCompleted);
        Assert.Equal(1, huawei.OutstandingInvocations);
    }

    [Fact]
    public async Task Result_PostedTwice_SecondGets409AndTheFirstCounts()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);
        PendingInvocation pending = huawei.Enqueue("{}");
        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);

        using HttpResponseMessage first = await runtime.PostAsync($"v1/runtime/invocation/response/{pending.RequestId}", "\"a\""u8.ToArray());
        using HttpResponseMessage second = await runtime.PostAsync($"v1/runtime/invocation/error/{pending.RequestId}", "\"b\""u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("\"a\"", (await pending.Completion.WaitAsync(Some.Patience)).BodyText);
    }

    [Fact]
    public async Task Request_TwoPolls_EachGetsItsOwnEventAndAnswersMayComeInAnyOrder()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var a = FakeRuntime.For(huawei);
        using var b = FakeRuntime.For(huawei);
        PendingInvocation first = huawei.Enqueue(Some.Event(1));
        PendingInvocation second = huawei.Enqueue(Some.Event(2));

        using HttpResponseMessage gotA = await a.GetAsync(RequestPath).WaitAsync(Some.Patience);
        using HttpResponseMessage gotB = await b.GetAsync(RequestPath).WaitAsync(Some.Patience);
        Assert.Equal(first.RequestId, FakeRuntime.Header(gotA, "X-Cff-Request-Id"));
        Assert.Equal(second.RequestId, FakeRuntime.Header(gotB, "X-Cff-Request-Id"));
        Assert.Equal(2, huawei.OutstandingInvocations);

        using HttpResponseMessage answerB = await b.PostAsync($"v1/runtime/invocation/response/{second.RequestId}", "2"u8.ToArray());
        using HttpResponseMessage answerA = await a.PostAsync($"v1/runtime/invocation/response/{first.RequestId}", "1"u8.ToArray());

        Assert.Equal("1", (await first.Completion.WaitAsync(Some.Patience)).BodyText);
        Assert.Equal("2", (await second.Completion.WaitAsync(Some.Patience)).BodyText);
        Assert.Equal(0, huawei.OutstandingInvocations);
    }

    [Fact]
    public async Task InvokeAsync_WithARuntimeServing_ReturnsEachOutcome()
    {
        await using HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);
        Task serving = ServeAsync(runtime, 3);

        for (int i = 0; i < 3; i++)
        {
            InvocationOutcome outcome = await huawei.InvokeAsync(Some.Event(i)).WaitAsync(Some.Patience);
            Assert.Equal("echo:" + Some.Event(i), outcome.BodyText);
        }

        await serving.WaitAsync(Some.Patience);
        Assert.Equal(6, huawei.Requests.Count);
    }

    [Fact]
    public async Task DisposeAsync_WithAPollPendingAndInvocationsUnanswered_CancelsThem()
    {
        HuaweiRuntimeApiEmulator huawei = await HuaweiRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(huawei);
        PendingInvocation delivered = huawei.Enqueue("{}");
        using HttpResponseMessage next = await runtime.GetAsync(RequestPath).WaitAsync(Some.Patience);
        Task<HttpResponseMessage> poll = runtime.GetAsync(RequestPath);

        await huawei.DisposeAsync().AsTask().WaitAsync(Some.Patience);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delivered.Completion.WaitAsync(Some.Patience));
        await Assert.ThrowsAsync<HttpRequestException>(() => poll.WaitAsync(Some.Patience));
        Assert.Throws<ObjectDisposedException>(() => huawei.Enqueue("{}"));
    }

    private static async Task ServeAsync(FakeRuntime runtime, int count)
    {
        for (int i = 0; i < count; i++)
        {
            using HttpResponseMessage next = await runtime.GetAsync(RequestPath);
            string id = FakeRuntime.Header(next, "X-Cff-Request-Id") ?? throw new InvalidOperationException("no request id");
            string body = await FakeRuntime.BodyAsync(next);
            using HttpResponseMessage posted = await runtime.PostAsync(
                string.Create(CultureInfo.InvariantCulture, $"v1/runtime/invocation/response/{id}"), Encoding.UTF8.GetBytes("echo:" + body));
            posted.EnsureSuccessStatusCode();
        }
    }
}
