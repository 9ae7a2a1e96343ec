using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class ScfRuntimeApiEmulatorTests
{
    [Fact]
    public async Task Response_OverMaxResponseBytes_Returns413AndStaysOutstandingUntilError()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync(new ScfEmulatorOptions { MaxResponseBytes = 100 });
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation pending = scf.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage tooLarge = await runtime.PostAsync("runtime/invocation/response", Some.Bytes(101));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.False(pending.Completion.IsCompleted);
        Assert.Equal(1, scf.OutstandingInvocations);

        using HttpResponseMessage error = await runtime.PostAsync("runtime/invocation/error", "response too large"u8.ToArray(), "text/plain");
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.True(outcome.IsError);
    }

    [Fact]
    public async Task Response_DefaultLimit_Is6MiB()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        const int limit = 6 * 1024 * 1024;
        scf.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage rejected = await runtime.PostAsync("runtime/invocation/response", Some.Bytes(limit + 1));
        using HttpResponseMessage accepted = await runtime.PostAsync("runtime/invocation/response", Some.Bytes(limit));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task PollFault_InternalServerError_Returns500AndKeepsTheEvent()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation pending = scf.Enqueue("{}");
        scf.FailNextPoll(PollFault.InternalServerError);

        using HttpResponseMessage failed = await runtime.NextAsync().WaitAsync(Some.Patience);
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "request_id"));
        Assert.Equal(1, pending.DeliveryCount);
    }

    [Fact]
    public async Task PollFault_DropConnection_ClosesWithoutAnyResponseByteAndKeepsTheEvent()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = scf.Enqueue("{}");
        scf.FailNextPoll(PollFault.DropConnection);

        await using (RawHttpConnection dropped = await RawHttpConnection.ConnectAsync(scf.Port))
        {
            await dropped.SendAsync("GET", "/runtime/invocation/next");
            Assert.True(await dropped.ClosedWithoutResponseAsync().WaitAsync(Some.Patience));
        }

        using var runtime = FakeRuntime.For(scf);
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "request_id"));
    }

    [Fact]
    public async Task PollFault_SlowHeaders_DelaysTheResponseByAbout200Ms()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        scf.Enqueue("{}");
        scf.FailNextPoll(PollFault.SlowHeaders);

        long started = Stopwatch.GetTimestamp();
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(180), $"elapsed {elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ResponseFault_Gone_Returns410AndCompletesWithStatus410()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation pending = scf.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.Gone });
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.PostAsync("runtime/invocation/response", "{}"u8.ToArray());

        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Equal(410, (await pending.Completion.WaitAsync(Some.Patience)).StatusReturned);
        Assert.Equal(0, scf.OutstandingInvocations);
    }

    [Fact]
    public async Task ResponseFault_InternalServerError_Returns500AndCompletesWithStatus500()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation pending = scf.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.InternalServerError });
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.PostAsync("runtime/invocation/error", "x"u8.ToArray());

        Assert.Equal(HttpStatusCode.InternalServerError, posted.StatusCode);
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);
        Assert.Equal(500, outcome.StatusReturned);
        Assert.True(outcome.IsError);
    }

    [Fact]
    public async Task ResponseFault_RequestEntityTooLarge_Returns413ThenErrorCompletes()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation pending = scf.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.RequestEntityTooLarge });
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage rejected = await runtime.PostAsync("runtime/invocation/response", "{}"u8.ToArray());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, rejected.StatusCode);
        Assert.False(pending.Completion.IsCompleted);

        using HttpResponseMessage error = await runtime.PostAsync("runtime/invocation/error", "too large"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.True((await pending.Completion.WaitAsync(Some.Patience)).IsError);
    }

    [Fact]
    public async Task ResponseFault_DropConnection_AbortsWithoutAnsweringThenARetryIsAccepted()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = scf.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.DropConnection });
        await using (RawHttpConnection connection = await RawHttpConnection.ConnectAsync(scf.Port))
        {
            await connection.SendAsync("GET", "/runtime/invocation/next");
            Assert.Equal(200, (await connection.ReadResponseAsync().WaitAsync(Some.Patience))!.Status);
            await connection.SendAsync("POST", "/runtime/invocation/response", body: "\"first\""u8.ToArray());
            Assert.True(await connection.ClosedWithoutResponseAsync().WaitAsync(Some.Patience));
        }

        Assert.False(pending.Completion.IsCompleted);
        using var runtime = FakeRuntime.For(scf);
        using HttpResponseMessage retry = await runtime.PostAsync("runtime/invocation/response", "\"second\""u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("\"second\"", (await pending.Completion.WaitAsync(Some.Patience)).BodyText);
    }

    [Fact]
    public async Task Next_OmitRequestIdFault_SendsNoRequestIdButTheInvocationCanStillBeAnswered()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation pending = scf.Enqueue("{}", new InvocationOptions { OmitRequestId = true });

        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        using HttpResponseMessage posted = await runtime.PostAsync("runtime/invocation/response", "{}"u8.ToArray());

        Assert.Null(FakeRuntime.Header(next, "request_id"));
        Assert.Equal("128", FakeRuntime.Header(next, "memory_limit_in_mb"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(200, (await pending.Completion.WaitAsync(Some.Patience)).StatusReturned);
    }

    [Fact]
    public async Task InvokeAsync_WithARuntimeServing_ReturnsEachOutcomeInOrder()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        using HttpResponseMessage ready = await runtime.PostAsync("runtime/init/ready", " "u8.ToArray());
        Task serving = runtime.ServeScfAsync(3, static body => body.Contains("fail", StringComparison.Ordinal) ? (true, "failed") : (false, "echo:" + body));

        InvocationOutcome first = await scf.InvokeAsync("\"a\"").WaitAsync(Some.Patience);
        InvocationOutcome second = await scf.InvokeAsync("\"fail\"").WaitAsync(Some.Patience);
        InvocationOutcome third = await scf.InvokeAsync("\"c\""u8.ToArray()).WaitAsync(Some.Patience);
        await serving.WaitAsync(Some.Patience);

        Assert.Equal("echo:\"a\"", first.BodyText);
        Assert.True(second.IsError);
        Assert.Equal("echo:\"c\"", third.BodyText);
        Assert.False(scf.PolledBeforeReady);
    }

    [Fact]
    public async Task UnknownPath_Returns404AndWrongMethod_Returns405()
    {
        await using ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);

        using HttpResponseMessage awsPath = await runtime.GetAsync("2018-06-01/runtime/invocation/next");
        using HttpResponseMessage postNext = await runtime.PostAsync("runtime/invocation/next", "{}"u8.ToArray());
        using HttpResponseMessage getReady = await runtime.GetAsync("runtime/init/ready");

        Assert.Equal(HttpStatusCode.NotFound, awsPath.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, postNext.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, getReady.StatusCode);
        Assert.False(scf.InitReady.IsCompleted);
    }

    [Fact]
    public async Task DisposeAsync_WithALongPollPending_StopsPromptlyAndCancelsCompletions()
    {
        ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        Task<HttpResponseMessage> poll = runtime.NextAsync();
        await scf.FirstPoll.WaitAsync(Some.Patience);

        long started = Stopwatch.GetTimestamp();
        await scf.DisposeAsync().AsTask().WaitAsync(Some.Patience);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);

        Assert.True(elapsed < TimeSpan.FromSeconds(1.5), $"dispose took {elapsed.TotalMilliseconds} ms");
        await Assert.ThrowsAsync<HttpRequestException>(() => poll.WaitAsync(Some.Patience));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scf.InitReady.WaitAsync(Some.Patience));
        Assert.Throws<ObjectDisposedException>(() => scf.Enqueue("{}"));
    }

    [Fact]
    public async Task DisposeAsync_WithAnOutstandingInvocation_CancelsItsCompletion()
    {
        ScfRuntimeApiEmulator scf = await ScfRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(scf);
        PendingInvocation pending = scf.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        await scf.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.Completion.WaitAsync(Some.Patience));
    }
}
