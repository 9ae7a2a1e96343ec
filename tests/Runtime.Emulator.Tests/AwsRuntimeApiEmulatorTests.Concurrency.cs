using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Emulator.Tests;

public sealed partial class AwsRuntimeApiEmulatorTests
{
    [Fact]
    public async Task ManagedInstances_ConcurrentPolls_EachGetADistinctInvocationUpToTheLimit()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { MaxConcurrency = 3 });
        var runtimes = new[] { FakeRuntime.For(aws), FakeRuntime.For(aws), FakeRuntime.For(aws), FakeRuntime.For(aws) };
        try
        {
            var pending = new List<PendingInvocation>();
            for (int i = 0; i < 4; i++)
            {
                pending.Add(aws.Enqueue(Some.Event(i)));
            }

            var delivered = new HashSet<string>();
            for (int i = 0; i < 3; i++)
            {
                using HttpResponseMessage next = await runtimes[i].NextAsync().WaitAsync(Some.Patience);
                Assert.Equal(HttpStatusCode.OK, next.StatusCode);
                Assert.True(delivered.Add(FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id")!));
            }

            Assert.Equal(3, aws.OutstandingInvocations);
            using HttpResponseMessage overLimit = await runtimes[3].NextAsync().WaitAsync(Some.Patience);
            Assert.Equal(HttpStatusCode.Forbidden, overLimit.StatusCode);

            // Answers may come back in any order (matched by request id).
            using HttpResponseMessage answered = await runtimes[0].RespondAsync(pending[1].RequestId, "{}");
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
            using HttpResponseMessage fourth = await runtimes[3].NextAsync().WaitAsync(Some.Patience);
            Assert.Equal(pending[3].RequestId, FakeRuntime.Header(fourth, "Lambda-Runtime-Aws-Request-Id"));
            Assert.Equal(3, aws.OutstandingInvocations);
        }
        finally
        {
            foreach (FakeRuntime runtime in runtimes)
            {
                runtime.Dispose();
            }
        }
    }

    [Fact]
    public async Task ManagedInstances_WaitingPolls_AreReleasedOnlyWithinTheLimit()
    {
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var a = FakeRuntime.For(aws);
        using var b = FakeRuntime.For(aws);
        Task<HttpResponseMessage> pollA = a.NextAsync();
        await aws.FirstPoll.WaitAsync(Some.Patience);

        PendingInvocation first = aws.Enqueue(Some.Event(1));
        PendingInvocation second = aws.Enqueue(Some.Event(2));
        using HttpResponseMessage gotA = await pollA.WaitAsync(Some.Patience);
        Assert.Equal(first.RequestId, FakeRuntime.Header(gotA, "Lambda-Runtime-Aws-Request-Id"));

        using HttpResponseMessage rejected = await b.NextAsync().WaitAsync(Some.Patience);
        Assert.Equal(HttpStatusCode.Forbidden, rejected.StatusCode);

        using HttpResponseMessage answered = await a.RespondAsync(first.RequestId, "{}");
        using HttpResponseMessage gotB = await b.NextAsync().WaitAsync(Some.Patience);
        Assert.Equal(second.RequestId, FakeRuntime.Header(gotB, "Lambda-Runtime-Aws-Request-Id"));
    }

    [Fact]
    public async Task ManagedInstances_EightLoopsServeManyInvocations_EveryOutcomeMatchesItsEvent()
    {
        const int loops = 8;
        const int invocations = 400;
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { MaxConcurrency = loops });
        using var stop = new CancellationTokenSource();
        int held = 0;
        int maxHeld = 0;
        var statuses = new ConcurrentBag<HttpStatusCode>();

        async Task LoopAsync()
        {
            using var runtime = FakeRuntime.For(aws);
            try
            {
                while (true)
                {
                    using HttpResponseMessage next = await runtime.NextAsync(stop.Token);
                    statuses.Add(next.StatusCode);
                    string id = FakeRuntime.Header(next, "Lambda-Runtime-Aws-Request-Id")!;
                    int now = Interlocked.Increment(ref held);
                    InterlockedMax(ref maxHeld, now);
                    string body = await FakeRuntime.BodyAsync(next);
                    Interlocked.Decrement(ref held);
                    using HttpResponseMessage posted = await runtime.RespondAsync(id, "echo:" + body, "text/plain", stop.Token);
                    statuses.Add(posted.StatusCode);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The test is over; this loop's pending poll was cancelled on purpose.
            }
        }

        var workers = new List<Task>();
        for (int i = 0; i < loops; i++)
        {
            workers.Add(Task.Run(LoopAsync));
        }

        var pending = new List<PendingInvocation>();
        for (int i = 0; i < invocations; i++)
        {
            pending.Add(aws.Enqueue(Some.Event(i)));
        }

        var completions = new List<Task<InvocationOutcome>>();
        foreach (PendingInvocation invocation in pending)
        {
            completions.Add(invocation.Completion);
        }

        InvocationOutcome[] outcomes = await Task.WhenAll(completions).WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(workers).WaitAsync(Some.Patience);

        for (int i = 0; i < invocations; i++)
        {
            Assert.Equal(pending[i].RequestId, outcomes[i].RequestId);
            Assert.Equal("echo:" + Some.Event(i), outcomes[i].BodyText);
            Assert.Equal(202, outcomes[i].StatusReturned);
        }

        Assert.DoesNotContain(HttpStatusCode.Forbidden, statuses);
        Assert.InRange(maxHeld, 1, loops);
        Assert.Equal(0, aws.OutstandingInvocations);
        Assert.Equal("8", aws.Environment["AWS_LAMBDA_MAX_CONCURRENCY"]);
    }

    [Fact]
    public async Task Enqueue_FromManyThreads_EveryInvocationIsDeliveredExactlyOnce()
    {
        const int invocations = 200;
        await using AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync();
        using var runtime = FakeRuntime.For(aws);
        var pending = new ConcurrentBag<PendingInvocation>();
        Task producers = Parallel.ForAsync(0, invocations, (i, _) =>
        {
            pending.Add(aws.Enqueue(Some.Event(i)));
            return ValueTask.CompletedTask;
        });
        Task consumer = runtime.ServeAwsAsync(invocations, static (_, body) => (false, body));

        await Task.WhenAll(producers, consumer).WaitAsync(TimeSpan.FromSeconds(60));

        var seen = new HashSet<string>();
        foreach (PendingInvocation invocation in pending)
        {
            InvocationOutcome outcome = await invocation.Completion.WaitAsync(Some.Patience);
            Assert.True(seen.Add(outcome.RequestId));
            Assert.Equal(1, invocation.DeliveryCount);
        }

        Assert.Equal(invocations, seen.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value > current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
