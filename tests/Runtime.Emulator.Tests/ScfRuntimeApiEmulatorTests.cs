using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class ScfRuntimeApiEmulatorTests
{
    [Fact]
    public async Task Start_DefaultOptions_BindsLoopbackWithOsChosenPort()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();

        Assert.Equal("127.0.0.1", scf.Host);
        Assert.NotEqual(0, scf.Port);
        Assert.Equal(new Uri($"http://127.0.0.1:{scf.Port}/"), scf.BaseAddress);
    }

    [Fact]
    public async Task Environment_Defaults_HasEveryVariableABootstrapNeeds()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        IReadOnlyDictionary<string, string> env = scf.Environment;

        Assert.Equal("127.0.0.1", env["SCF_RUNTIME_API"]);
        Assert.Equal(scf.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), env["SCF_RUNTIME_API_PORT"]);
        Assert.Equal("echo", env["_HANDLER"]);
        Assert.Equal("test-function", env["SCF_FUNCTIONNAME"]);
        Assert.Equal("$LATEST", env["SCF_FUNCTIONVERSION"]);
        Assert.Equal("default", env["SCF_NAMESPACE"]);
        Assert.Equal("ap-guangzhou", env["TENCENTCLOUD_REGION"]);
        Assert.False(string.IsNullOrEmpty(env["TENCENTCLOUD_APPID"]));
        Assert.False(string.IsNullOrEmpty(env["TENCENTCLOUD_UIN"]));
        Assert.False(string.IsNullOrEmpty(env["TENCENTCLOUD_SECRETID"]));
        Assert.False(string.IsNullOrEmpty(env["TENCENTCLOUD_SECRETKEY"]));
        Assert.False(string.IsNullOrEmpty(env["TENCENTCLOUD_SESSIONTOKEN"]));
    }

    [Fact]
    public async Task Environment_CustomOptions_AreReflected()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync(new ScfEmulatorOptions
        {
            FunctionName = "orders",
            FunctionVersion = "3",
            Namespace = "prod",
            Handler = "index.main",
            Region = "ap-shanghai",
            SecretId = "AKIDTEST",
            AdditionalEnvironment = new Dictionary<string, string> { ["EXTRA"] = "yes" },
        });
        IReadOnlyDictionary<string, string> env = scf.Environment;

        Assert.Equal("orders", env["SCF_FUNCTIONNAME"]);
        Assert.Equal("3", env["SCF_FUNCTIONVERSION"]);
        Assert.Equal("prod", env["SCF_NAMESPACE"]);
        Assert.Equal("index.main", env["_HANDLER"]);
        Assert.Equal("ap-shanghai", env["TENCENTCLOUD_REGION"]);
        Assert.Equal("AKIDTEST", env["TENCENTCLOUD_SECRETID"]);
        Assert.Equal("yes", env["EXTRA"]);
    }

    [Fact]
    public async Task InitReady_Posted_Returns200AndCompletesWithTheRequest()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);

        using HttpResponseMessage ready = await runtime.PostAsync("runtime/init/ready", " "u8.ToArray(), contentType: null);
        RecordedRequest recorded = await scf.InitReady.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/runtime/init/ready", recorded.Path);
        Assert.Equal(" "u8.ToArray(), recorded.Body);
    }

    [Fact]
    public async Task InitReady_CalledTwice_TheFirstOneCounts()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);

        using HttpResponseMessage first = await runtime.PostAsync("runtime/init/ready", "first"u8.ToArray(), contentType: null);
        using HttpResponseMessage second = await runtime.PostAsync("runtime/init/ready", "second"u8.ToArray(), contentType: null);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("first"u8.ToArray(), (await scf.InitReady.WaitAsync(Some.Patience)).Body);
    }

    [Fact]
    public async Task PolledBeforeReady_ReadyThenPoll_IsFalse()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        scf.Enqueue("{}");

        using HttpResponseMessage ready = await runtime.PostAsync("runtime/init/ready", " "u8.ToArray());
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.False(scf.PolledBeforeReady);
    }

    [Fact]
    public async Task PolledBeforeReady_PollWithoutReady_IsTrueAndThePollIsStillServed()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        scf.Enqueue("{}");

        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        using HttpResponseMessage lateReady = await runtime.PostAsync("runtime/init/ready", " "u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.True(scf.PolledBeforeReady);
        Assert.False(scf.InitReady.IsFaulted);
    }

    [Fact]
    public async Task Next_EventQueued_Returns200WithLowerCaseHeadersAndTheEvent()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync(new ScfEmulatorOptions { MemorySizeMb = 256, Timeout = TimeSpan.FromSeconds(3) });
        PendingInvocation pending = scf.Enqueue(Some.Event(1));
        await using RawHttpConnection connection = await RawHttpConnection.ConnectAsync(scf.Port);

        await connection.SendAsync("GET", "/runtime/invocation/next");
        RawHttpResponse next = (await connection.ReadResponseAsync().WaitAsync(Some.Patience))!;

        Assert.Equal(200, next.Status);
        Assert.Equal(Some.Event(1), next.BodyText);
        Assert.Contains(new KeyValuePair<string, string>("request_id", pending.RequestId), next.Headers);
        Assert.Contains(new KeyValuePair<string, string>("memory_limit_in_mb", "256"), next.Headers);
        Assert.Contains(new KeyValuePair<string, string>("time_limit_in_ms", "3000"), next.Headers);
        Assert.Equal("application/json", next.Header("Content-Type"));
        Assert.Null(next.Header("Lambda-Runtime-Aws-Request-Id"));
        Assert.NotEqual(0, pending.DeliveredTimestamp);
        Assert.Equal(1, scf.OutstandingInvocations);
    }

    [Fact]
    public async Task Next_NothingQueued_LongPollsUntilAnEventIsEnqueued()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);

        Task<HttpResponseMessage> poll = runtime.NextAsync();
        await scf.FirstPoll.WaitAsync(Some.Patience);
        Assert.False(poll.IsCompleted);

        PendingInvocation pending = scf.Enqueue(Some.Event(4));
        using HttpResponseMessage next = await poll.WaitAsync(Some.Patience);

        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "request_id"));
        Assert.Equal(Some.Event(4), await FakeRuntime.BodyAsync(next));
    }

    [Fact]
    public async Task Next_AgainWhileOutstanding_ReturnsTheSameEventAgain()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation first = scf.Enqueue(Some.Event(1));
        PendingInvocation second = scf.Enqueue(Some.Event(2));

        using HttpResponseMessage delivered = await runtime.NextAsync().WaitAsync(Some.Patience);
        long deliveredAt = first.DeliveredTimestamp;
        using HttpResponseMessage again = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.RequestId, FakeRuntime.Header(again, "request_id"));
        Assert.Equal(Some.Event(1), await FakeRuntime.BodyAsync(again));
        Assert.Equal(2, first.DeliveryCount);
        Assert.Equal(deliveredAt, first.DeliveredTimestamp);
        Assert.Equal(0, second.DeliveryCount);

        using HttpResponseMessage answered = await runtime.PostAsync("runtime/invocation/response", "\"one\""u8.ToArray());
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        Assert.Equal(second.RequestId, FakeRuntime.Header(next, "request_id"));
        Assert.Equal("\"one\"", (await first.Completion.WaitAsync(Some.Patience)).BodyText);
    }

    [Fact]
    public async Task Next_TwoPollsWaiting_BothGetTheSameEvent()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var a = FakeRuntime.For(scf);
        using var b = FakeRuntime.For(scf);
        Task<HttpResponseMessage> pollA = a.NextAsync();
        Task<HttpResponseMessage> pollB = b.NextAsync();
        await scf.FirstPoll.WaitAsync(Some.Patience);

        PendingInvocation pending = scf.Enqueue(Some.Event(7));
        using HttpResponseMessage gotA = await pollA.WaitAsync(Some.Patience);
        using HttpResponseMessage gotB = await pollB.WaitAsync(Some.Patience);

        Assert.Equal(pending.RequestId, FakeRuntime.Header(gotA, "request_id"));
        Assert.Equal(pending.RequestId, FakeRuntime.Header(gotB, "request_id"));
        Assert.Equal(2, pending.DeliveryCount);
    }

    [Fact]
    public async Task Response_Outstanding_Returns200AndCompletesTheOutcome()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation pending = scf.Enqueue(Some.Event(1));
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.PostAsync("runtime/invocation/response", Encoding.UTF8.GetBytes("""{"ok":"é"}"""), "application/json");
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(pending.RequestId, outcome.RequestId);
        Assert.False(outcome.IsError);
        Assert.Equal("""{"ok":"é"}""", outcome.BodyText);
        Assert.Equal("application/json", outcome.ContentType);
        Assert.Equal(200, outcome.StatusReturned);
        Assert.True(outcome.RoundTrip > TimeSpan.Zero);
        Assert.Equal(0, scf.OutstandingInvocations);
    }

    [Fact]
    public async Task Error_Outstanding_Returns200AndCompletesAsError()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation pending = scf.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.PostAsync("runtime/invocation/error", "handler crashed"u8.ToArray(), "text/plain");
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True(outcome.IsError);
        Assert.Equal("handler crashed", outcome.BodyText);
        Assert.Equal(200, outcome.StatusReturned);
    }

    [Theory]
    [InlineData("runtime/invocation/response")]
    [InlineData("runtime/invocation/error")]
    public async Task Result_NothingOutstanding_Returns400(string path)
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation queuedNotDelivered = scf.Enqueue("{}");

        using HttpResponseMessage posted = await runtime.PostAsync(path, "{}"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("\"errorType\":\"NoOutstandingInvocation\"", await FakeRuntime.BodyAsync(posted), StringComparison.Ordinal);
        Assert.False(queuedNotDelivered.Completion.IsCompleted);
    }

    [Fact]
    public async Task Response_AfterTheInvocationWasAnswered_Returns400()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation pending = scf.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        using HttpResponseMessage first = await runtime.PostAsync("runtime/invocation/response", "\"a\""u8.ToArray());

        using HttpResponseMessage second = await runtime.PostAsync("runtime/invocation/response", "\"b\""u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("\"a\"", (await pending.Completion.WaitAsync(Some.Patience)).BodyText);
        Assert.Equal(3, scf.Requests.Count);
    }
}
