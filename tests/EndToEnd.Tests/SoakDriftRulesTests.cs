using System;
using System.Collections.Generic;
using System.Linq;
using Runtime.Soak;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>The soak's verdict (bench/Soak DriftRules) on made-up samples: 10,000 invocations, one sample every 500.</summary>
public sealed class SoakDriftRulesTests
{
    private static readonly SoakSettings Settings = new(10_000, 500);

    /// <summary>A steady process: gen0 every 1,000 invocations from the start, 1,000 B per invocation, flat RSS, fds and threads.</summary>
    private static List<SoakSample> Steady(Func<int, SoakSample, SoakSample>? change = null)
    {
        var samples = new List<SoakSample>();
        for (int n = 500; n <= 10_000; n += 500)
        {
            var sample = new SoakSample(n, 12_000, 13, 7, n, n / 1_000, 0, 0, 200 * 1024, n * 1_000L, "bootstrap");
            samples.Add(change is null ? sample : change(n, sample));
        }
        return samples;
    }

    [Fact]
    public void Judge_SteadyRun_PassesWithWarmupAtTenPercentAndTheSecondGen0()
    {
        SoakVerdict verdict = DriftRules.Judge(Steady(), Settings, childExitCode: 0, childErrorLines: 0);

        Assert.True(verdict.Passed, string.Join("\n", verdict.Failures));
        Assert.Equal(2_000, verdict.WarmupEndsAt);
        Assert.Equal(17, verdict.MeasuredSamples);
    }

    [Fact]
    public void Judge_RssGrowsAfterWarmup_FailsNamingTheDrift()
    {
        SoakVerdict verdict = DriftRules.Judge(Steady((n, s) => s with { RssKb = 12_000 + n / 5 }), Settings, 0, 0);

        string failure = Assert.Single(verdict.Failures);
        Assert.StartsWith("RSS drifted by 1,600 KiB after warm-up (bar 1,024 KiB)", failure);
    }

    [Fact]
    public void Judge_RssGrowsOnlyDuringWarmup_Passes()
    {
        SoakVerdict verdict = DriftRules.Judge(Steady((n, s) => s with { RssKb = n < 2_000 ? 8_000 + n : 12_000 }), Settings, 0, 0);

        Assert.True(verdict.Passed, string.Join("\n", verdict.Failures));
    }

    [Fact]
    public void Judge_OneMoreThreadAfterWarmup_FailsNamingTheThreads()
    {
        SoakVerdict verdict = DriftRules.Judge(
            Steady((n, s) => n >= 6_000 ? s with { Threads = 8, ThreadNames = ".NET TP Worker, bootstrap" } : s), Settings, 0, 0);

        string failure = Assert.Single(verdict.Failures);
        Assert.Contains("threads changed after warm-up: 7 at 2,000, 8 at 6,000", failure);
        Assert.Contains("[bootstrap] -> [.NET TP Worker, bootstrap]", failure);
    }

    [Fact]
    public void Judge_OneMoreDescriptor_Fails()
    {
        SoakVerdict verdict = DriftRules.Judge(Steady((n, s) => n == 10_000 ? s with { Fds = 14 } : s), Settings, 0, 0);

        Assert.StartsWith("open descriptors changed after warm-up: 13 at 2,000, 14 at 10,000", Assert.Single(verdict.Failures));
    }

    [Fact]
    public void Judge_HeapSawtoothFromPromotion_Passes()
    {
        // Climbs 100 KiB per 1,000 invocations as objects are promoted, back to 200 KiB at each gen1 collection (every 4,000).
        SoakVerdict verdict = DriftRules.Judge(Steady((n, s) => s with { HeapBytes = (200 + (n % 4_000) / 10) * 1024L }), Settings, 0, 0);

        Assert.True(verdict.Passed, string.Join("\n", verdict.Failures));
    }

    [Fact]
    public void Judge_HeapFloorRises_Fails()
    {
        SoakVerdict verdict = DriftRules.Judge(Steady((n, s) => s with { HeapBytes = n * 400L }), Settings, 0, 0);

        Assert.StartsWith("the floor of the GC heap after a collection rose by", Assert.Single(verdict.Failures));
    }

    [Fact]
    public void Judge_AllocationPerInvocationGrows_FailsOnAllocationAndGen0()
    {
        // From 1,000 B per invocation to 2,000 B in the second half, and gen0 twice as often.
        SoakVerdict verdict = DriftRules.Judge(
            Steady((n, s) => n <= 6_000 ? s : s with { AllocatedBytes = 6_000_000L + (n - 6_000) * 2_000L, Gen0 = 6 + (n - 6_000) / 500 }), Settings, 0, 0);

        Assert.Equal(2, verdict.Failures.Count);
        Assert.StartsWith("allocation per invocation grew", verdict.Failures[0]);
        Assert.StartsWith("gen0 collections grew", verdict.Failures[1]);
    }

    [Fact]
    public void Judge_NoSecondGen0_FailsAsWarmupNeverEnded()
    {
        SoakVerdict verdict = DriftRules.Judge(Steady((n, s) => s with { Gen0 = n >= 9_000 ? 1 : 0 }), Settings, 0, 0);

        Assert.Contains(verdict.Failures, f => f.StartsWith("warm-up never ended", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_ChildErrorsOrBadExit_Fail()
    {
        SoakVerdict verdict = DriftRules.Judge(Steady(), Settings, childExitCode: -1, childErrorLines: 2);

        Assert.Equal(new[] { "the child logged 2 ERROR/FATAL or stderr line(s)", "the child exited with -1 on SIGTERM (0 expected; -1 = killed after the grace period)" },
            verdict.Failures.ToArray());
    }
}
