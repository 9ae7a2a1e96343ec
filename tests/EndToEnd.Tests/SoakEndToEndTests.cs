using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;
using Runtime.Soak;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>
/// The soak (bench/Soak) in short: 10,000 invocations through one published bootstrap per platform, sampled every 250.
/// After warm-up, descriptors and threads must not change, RSS and the GC heap must stay within 1 MiB, and the
/// allocation per invocation must not grow. No timing is asserted. The 100,000-invocation run is in docs/benchmarks.md.
/// </summary>
[Collection(BootstrapCollection.Name)]
public sealed class SoakEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PublishedBootstrap _bootstrap;

    public SoakEndToEndTests(PublishedBootstrap bootstrap) => _bootstrap = bootstrap;

    [Theory]
    [InlineData("aws")]
    [InlineData("fc")]
    [InlineData("cloudrun")]
    public async Task Soak_10000Invocations_NoDescriptorThreadOrMemoryDrift(string platform)
    {
        // A 1 MiB first gen0 budget (hex) instead of the binary's 4 MiB brings the first collection forward; the GC then
        // raises the budget to ~4 MiB, so on aws (~1 KB allocated per invocation) warm-up, which lasts until the second
        // collection, ends near 4,500 and about half the samples are measured.
        var settings = new SoakSettings(10_000, 250, Environment: new Dictionary<string, string> { ["DOTNET_GCgen0size"] = "100000" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        SoakRun run = await SoakRunner.RunAsync(SoakPlatforms.Parse(platform)!.Value, _bootstrap.Path, settings, TextWriter.Null, timeout.Token);

        SoakVerdict verdict = run.Verdict;
        Assert.True(verdict.Passed, platform + ": " + string.Join("\n", verdict.Failures) + "\nsamples (invocations, RSS KiB, fds, threads, gen0):\n"
            + string.Join("\n", run.Samples.Select(s => $"{s.Invocations} {s.RssKb} {s.Fds} {s.Threads} {s.Gen0} [{s.ThreadNames}]")));
        Assert.True(verdict.MeasuredSamples >= 10, platform + ": warm-up ended at " + verdict.WarmupEndsAt);
        Assert.Equal(verdict.ThreadsMin, verdict.ThreadsMax);
        Assert.Equal(verdict.FdsMin, verdict.FdsMax);
    }

    [Fact]
    public async Task PublishedBootstrap_ThreadPoolHillClimbing_IsOff()
    {
        // Function.props turns it off: with it on, a server-model bootstrap's pool grew by two threads in a soak (issue 6).
        await using var aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Handler = "switch" });
        PendingInvocation pending = aws.Enqueue("System.Threading.ThreadPool.HillClimbing.Disable");
        await using BootstrapProcess bootstrap = BootstrapProcess.Start(_bootstrap.Path, aws.Environment);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.Equal("true", outcome.BodyText);
    }
}
