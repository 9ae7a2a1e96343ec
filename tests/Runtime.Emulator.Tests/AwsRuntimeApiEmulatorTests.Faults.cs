using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class AwsRuntimeApiEmulatorTests
{
    [Fact]
    public async Task PollFault_InternalServerError_Returns500AndKeepsTheEventForTheNextPoll()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");
        aws.FailNextPoll(PollFault.InternalServerError);

        using HttpResponseMessage failed = await runtime.NextAsync().WaitAsync(Some.Patience);
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("\"errorType\":", await FakeRuntime.BodyAsync(failed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal(1, pending.DeliveryCount);
    }

    [Fact]
    public async Task PollFault_DropConnection_ClosesWithoutAnyResponseByteAndKeepsTheEvent()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue("{}");
        aws.FailNextPoll(PollFault.DropConnection);

        await using (RawHttpConnection dropped = await RawHttpConnection.ConnectAsync(aws.Port))
        {
            await dropped.SendAsync("GET", "/2018-06-01/runtime/invocation/next");
            Assert.True(await dropped.ClosedWithoutResponseAsync().WaitAsync(Some.Patience));
        }

        using var runtime = FakeRuntime.For(aws);
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal(2, aws.Requests.Count);
    }

    [Fact]
    public async Task PollFault_DropConnection_SurfacesAsHttpRequestExceptionOnAFreshClient()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        aws.FailNextPoll(PollFault.DropConnection);

        await Assert.ThrowsAsync<HttpRequestException>(() => runtime.NextAsync().WaitAsync(Some.Patience));
    }

    [Fact]
    public async Task PollFault_SlowHeaders_DelaysTheResponseByAbout200Ms()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");
        aws.FailNextPoll(PollFault.SlowHeaders);

        long started = Stopwatch.GetTimestamp();
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(pending.RequestId, FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id"));
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(180), $"elapsed {elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task FailNextPoll_CalledSeveralTimes_AppliesFaultsInOrderOnePerPoll()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}");
        aws.FailNextPoll(PollFault.InternalServerError);
        aws.FailNextPoll(PollFault.DropConnection);
        aws.FailNextPoll(PollFault.InternalServerError);

        using HttpResponseMessage first = await runtime.NextAsync().WaitAsync(Some.Patience);
        await using (RawHttpConnection raw = await RawHttpConnection.ConnectAsync(aws.Port))
        {
            await raw.SendAsync("GET", "/2018-06-01/runtime/invocation/next");
            Assert.True(await raw.ClosedWithoutResponseAsync().WaitAsync(Some.Patience));
        }

        using HttpResponseMessage third = await runtime.NextAsync().WaitAsync(Some.Patience);
        using HttpResponseMessage fourth = await runtime.NextAsync().WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Equal(pending.RequestId, FakeRuntime.Header(fourth, "Lambda-Runtime-Aws-Request-Id"));
    }

    [Fact]
    public async Task ResponseFault_Gone_Returns410InvokeTimeoutAndCompletesWithStatus410()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.Gone });
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.RespondAsync(pending.RequestId, "\"late\"");
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Contains("\"errorType\":\"InvokeTimeout\"", await FakeRuntime.BodyAsync(posted), StringComparison.Ordinal);
        Assert.Equal(410, outcome.StatusReturned);
        Assert.Equal("\"late\"", outcome.BodyText);
        Assert.Equal(0, aws.OutstandingInvocations);
    }

    [Fact]
    public async Task ResponseFault_GoneOnError_Returns410AndCompletesAsError()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.Gone });
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.ErrorAsync(pending.RequestId, """{"errorType":"E","errorMessage":"m"}""");
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.True(outcome.IsError);
        Assert.Equal(410, outcome.StatusReturned);
    }

    [Fact]
    public async Task ResponseFault_RequestEntityTooLarge_Returns413WithoutCompletingThenErrorCompletes()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.RequestEntityTooLarge });
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage rejected = await runtime.RespondAsync(pending.RequestId, "\"small\"");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, rejected.StatusCode);
        Assert.Contains("\"errorType\":\"RequestEntityTooLarge\"", await FakeRuntime.BodyAsync(rejected), StringComparison.Ordinal);
        Assert.False(pending.Completion.IsCompleted);

        using HttpResponseMessage error = await runtime.ErrorAsync(pending.RequestId, """{"errorType":"Function.ResponseSizeTooLarge","errorMessage":"m"}""");
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);
        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
        Assert.True(outcome.IsError);
        Assert.Equal(202, outcome.StatusReturned);
    }

    [Fact]
    public async Task ResponseFault_InternalServerError_Returns500AndCompletesWithStatus500()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation pending = aws.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.InternalServerError });
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        using HttpResponseMessage posted = await runtime.RespondAsync(pending.RequestId, "{}");
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.InternalServerError, posted.StatusCode);
        Assert.Equal(500, outcome.StatusReturned);
        Assert.False(outcome.IsError);
    }

    [Fact]
    public async Task ResponseFault_DropConnection_AbortsWithoutAnsweringThenARetryIsAccepted()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue("{}", new InvocationOptions { ResponseFault = ResponseFault.DropConnection });
        await using (RawHttpConnection connection = await RawHttpConnection.ConnectAsync(aws.Port))
        {
            await connection.SendAsync("GET", "/2018-06-01/runtime/invocation/next");
            Assert.Equal(200, (await connection.ReadResponseAsync().WaitAsync(Some.Patience))!.Status);
            await connection.SendAsync("POST", $"/2018-06-01/runtime/invocation/{pending.RequestId}/response", body: "\"first try\""u8.ToArray());
            Assert.True(await connection.ClosedWithoutResponseAsync().WaitAsync(Some.Patience));
        }

        Assert.False(pending.Completion.IsCompleted);
        Assert.Equal(1, aws.OutstandingInvocations);

        using var runtime = FakeRuntime.For(aws);
        using HttpResponseMessage retry = await runtime.RespondAsync(pending.RequestId, "\"second try\"");
        InvocationOutcome outcome = await pending.Completion.WaitAsync(Some.Patience);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("\"second try\"", outcome.BodyText);
        Assert.Equal(202, outcome.StatusReturned);
        Assert.Equal(3, aws.Requests.Count);
    }
}
