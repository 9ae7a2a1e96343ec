using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class AwsRuntimeApiEmulatorTests
{
    [Fact]
    public async Task InvokeAsync_WithARuntimeServing_ReturnsTheOutcome()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        Task serving = runtime.ServeAwsAsync(2, static (_, body) => body.Contains("fail", StringComparison.Ordinal)
            ? (true, """{"errorType":"E","errorMessage":"failed"}""")
            : (false, "echo:" + body));

        InvocationOutcome ok = await aws.InvokeAsync("\"hi\"").WaitAsync(Some.Patience);
        InvocationOutcome failed = await aws.InvokeAsync("\"fail\""u8.ToArray()).WaitAsync(Some.Patience);
        await serving.WaitAsync(Some.Patience);

        Assert.False(ok.IsError);
        Assert.Equal("echo:\"hi\"", ok.BodyText);
        Assert.True(failed.IsError);
        Assert.Equal("Unhandled", failed.ErrorTypeHeader);
    }

    [Fact]
    public async Task InvokeAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var cancel = new CancellationTokenSource();
        Task<InvocationOutcome> invoke = aws.InvokeAsync("{}", cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invoke.WaitAsync(Some.Patience));
    }

    [Fact]
    public async Task DisposeAsync_WithALongPollPending_StopsPromptlyAndDropsThePoll()
    {
        AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        Task<HttpResponseMessage> poll = runtime.NextAsync();
        await aws.FirstPoll.WaitAsync(Some.Patience);

        long started = Stopwatch.GetTimestamp();
        await aws.DisposeAsync().AsTask().WaitAsync(Some.Patience);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);

        Assert.True(elapsed < TimeSpan.FromSeconds(1.5), $"dispose took {elapsed.TotalMilliseconds} ms");
        await Assert.ThrowsAsync<HttpRequestException>(() => poll.WaitAsync(Some.Patience));
    }

    [Fact]
    public async Task DisposeAsync_WithUnansweredInvocations_CancelsTheirCompletions()
    {
        AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        PendingInvocation delivered = aws.Enqueue("{}");
        PendingInvocation queued = aws.Enqueue("{}");
        using HttpResponseMessage next = await runtime.NextAsync().WaitAsync(Some.Patience);

        await aws.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delivered.Completion.WaitAsync(Some.Patience));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.Completion.WaitAsync(Some.Patience));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => aws.InitError.WaitAsync(Some.Patience));
        Assert.Throws<ObjectDisposedException>(() => aws.Enqueue("{}"));
        await aws.DisposeAsync();
    }

    [Fact]
    public async Task DisposeAsync_BeforeAnyPoll_CancelsFirstPoll()
    {
        AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();

        await aws.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => aws.FirstPoll.WaitAsync(Some.Patience));
    }
}
