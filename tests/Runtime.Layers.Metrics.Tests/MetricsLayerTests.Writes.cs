using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Layers.Metrics.Tests;

public sealed partial class MetricsLayerTests
{
    [Theory]
    [InlineData(Some.Aws)]
    [InlineData("alibaba-fc")]
    public async Task EachInvocation_IsExactlyOneWriteOfOneWholeLine(string platform)
    {
        await using MetricsHarness h = await MetricsHarness.StartAsync(platform, handler: async (ctx, clock) =>
        {
            await Task.Yield();
            await MetricsHarness.Echo(ctx, clock);
        });

        for (int i = 1; i <= 5; i++)
        {
            await h.InvokeAsync();
            // Flushed per invocation: the line is out before the next invocation (nothing waits for Close).
            Assert.Equal(i, h.Output.Writes.Count);
        }

        Assert.All(h.Output.Writes, write =>
        {
            Assert.EndsWith("\n", write);
            Assert.Equal(1, write.Count(c => c == '\n'));
            using JsonDocument _ = JsonDocument.Parse(write);
        });
    }

    [Fact]
    public async Task ManyInvocationsInFlight_BeyondTheTable_AreEachRecordedOnce()
    {
        // More invocations in flight than the layer's allocation-free table has slots, so the overflow path runs too.
        const int Count = 300;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using MetricsHarness h = await MetricsHarness.StartAsync(Some.Aws, handler: async (ctx, _) =>
        {
            if (Interlocked.Increment(ref started) == Count)
            {
                allStarted.SetResult();
            }
            await gate.Task;
            if (ctx.RequestId.EndsWith('7'))
            {
                throw new InvalidOperationException("request id ends in 7");
            }
        });

        Task[] invocations = Enumerable.Range(0, Count).Select(i => Task.Run(() => h.InvokeAsync($"c-{i}"))).ToArray();
        await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        gate.SetResult();
        await Task.WhenAll(invocations).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Count, h.Output.Writes.Count);
        IReadOnlyList<JsonElement> lines = h.Lines;
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"c-{i}").Order(), lines.Select(l => l.GetProperty("requestId").GetString()!).Order());
        Assert.Equal(1, lines.Sum(l => l.GetProperty("ColdStart").GetInt32()));
        Assert.All(lines, l => Assert.True(l.TryGetProperty("Duration", out _)));
        Assert.All(lines, l => Assert.Equal(l.GetProperty("requestId").GetString()!.EndsWith('7') ? 1 : 0, l.GetProperty("Errors").GetInt32()));
    }

    [Fact]
    public async Task ConcurrentInvocations_WriteWholeLinesOneAtATime()
    {
        // Invocations on several threads at once, released together; the stream lingers in each write, so two
        // writers that were not serialised would be seen overlapping, and a shared buffer would garble lines.
        const int Threads = 8;
        const int PerThread = 25;
        await using MetricsHarness h = await MetricsHarness.StartAsync("alibaba-fc");
        using var start = new Barrier(Threads);
        Task[] workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(async () =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            for (int i = 0; i < PerThread; i++)
            {
                await h.InvokeAsync($"t{t}-{i}");
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, h.Output.Overlaps);
        Assert.Equal(Threads * PerThread, h.Output.Writes.Count);
        Assert.All(h.Output.Writes, write => Assert.Equal(write.Length - 1, write.IndexOf('\n')));
        Assert.Equal(Threads * PerThread, h.Lines.Select(l => l.GetProperty("requestId").GetString()).Distinct().Count());
    }
}
