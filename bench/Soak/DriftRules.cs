using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Runtime.Soak;

/// <summary>
/// Judges a run. Warm-up is the first <see cref="SoakSettings.WarmupPercent"/> of the invocations, and longer if the
/// child has not had two gen0 collections by then: until the gen0 budget has been used, RSS only shows the heap
/// filling, and the GC may raise the budget after the first collection. The sample that ends warm-up is the baseline;
/// from it to the end:
/// <list type="bullet">
/// <item>VmRSS max − min at most <see cref="SoakSettings.RssDriftKb"/>;</item>
/// <item>open descriptors and threads the same in every sample;</item>
/// <item>GC: the floor of the heap after a collection (its lowest sample) in the second half is at most
/// <see cref="SoakSettings.HeapDriftKb"/> above the first half's. The heap after a gen0 collection climbs as short-lived
/// objects are promoted, and drops at each gen1 collection; a managed leak raises the floor. The bytes allocated per
/// invocation in the second half are at most 5% (+16 B) above the first half's, and so are gen0 collections (+1)
/// (a growing per-invocation cost raises both).</item>
/// </list>
/// The child must also have logged no ERROR or FATAL line and have exited 0 on SIGTERM.
/// </summary>
internal static class DriftRules
{
    public static SoakVerdict Judge(IReadOnlyList<SoakSample> samples, SoakSettings settings, int childExitCode, int childErrorLines)
    {
        var failures = new List<string>();
        int minimumWarmup = (int)((long)settings.Invocations * settings.WarmupPercent / 100);
        int start = -1;
        for (int i = 0; i < samples.Count; i++)
        {
            if (samples[i].Invocations >= minimumWarmup && samples[i].Gen0 >= 2)
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            failures.Add("warm-up never ended: the child had fewer than two gen0 collections in " + N(settings.Invocations)
                + " invocations, so RSS may still be the heap filling (run longer)");
            start = samples.Count == 0 ? 0 : Math.Min(samples.Count - 1, Math.Max(0, minimumWarmup / settings.SampleEvery - 1));
        }

        SoakSample[] measured = samples.Skip(start).ToArray();
        if (measured.Length < 4)
        {
            failures.Add("only " + measured.Length + " samples after warm-up; at least 4 are needed (more invocations, or sample more often)");
            measured = measured.Length == 0 ? new[] { new SoakSample(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, string.Empty) } : measured;
        }

        SoakSample first = measured[0];
        SoakSample last = measured[^1];
        long rssMin = measured.Min(s => s.RssKb);
        long rssMax = measured.Max(s => s.RssKb);
        if (rssMax - rssMin > settings.RssDriftKb)
        {
            SoakSample low = measured.First(s => s.RssKb == rssMin);
            SoakSample high = measured.First(s => s.RssKb == rssMax);
            failures.Add("RSS drifted by " + N(rssMax - rssMin) + " KiB after warm-up (bar " + N(settings.RssDriftKb) + " KiB): "
                + N(low.RssKb) + " KiB at " + N(low.Invocations) + ", " + N(high.RssKb) + " KiB at " + N(high.Invocations));
        }

        CheckConstant(measured, s => s.Fds, "open descriptors", failures, names: false);
        CheckConstant(measured, s => s.Threads, "threads", failures, names: true);

        long heapMin = measured.Min(s => s.HeapBytes);
        long heapMax = measured.Max(s => s.HeapBytes);
        SoakSample middle = measured[measured.Length / 2];
        long firstFloor = measured.TakeWhile(s => s.Invocations < middle.Invocations).Select(s => s.HeapBytes).DefaultIfEmpty(first.HeapBytes).Min();
        long secondFloor = measured.SkipWhile(s => s.Invocations < middle.Invocations).Min(s => s.HeapBytes);
        if (secondFloor - firstFloor > settings.HeapDriftKb * 1024)
        {
            failures.Add("the floor of the GC heap after a collection rose by " + N((secondFloor - firstFloor) / 1024.0) + " KiB from the first half after warm-up to the second (bar "
                + N(settings.HeapDriftKb) + " KiB): " + N(firstFloor / 1024.0) + " to " + N(secondFloor / 1024.0) + " KiB");
        }

        double firstAllocated = PerInvocation(first, middle, s => s.AllocatedBytes);
        double secondAllocated = PerInvocation(middle, last, s => s.AllocatedBytes);
        if (secondAllocated > firstAllocated * 1.05 + 16)
        {
            failures.Add("allocation per invocation grew: " + N(firstAllocated) + " B in the first half after warm-up, "
                + N(secondAllocated) + " B in the second");
        }

        // Compared per invocation: the halves may differ by a sample when the count is odd. Collections are whole
        // events, so each half's count is off by up to one at either end (a collection due just before the boundary
        // may land just after it): with a few collections per half (the 10,000-invocation test sees 2 and 3), two
        // more than the first half's rate predicts is still no growth. Allocation per invocation, above, is the exact check.
        double firstGen0 = PerInvocation(first, middle, s => s.Gen0);
        double secondGen0 = PerInvocation(middle, last, s => s.Gen0);
        double secondSpan = last.Invocations - middle.Invocations;
        if (secondGen0 * secondSpan > firstGen0 * secondSpan * 1.05 + 2)
        {
            failures.Add("gen0 collections grew: " + N(middle.Gen0 - first.Gen0) + " in the first half after warm-up ("
                + N(middle.Invocations - first.Invocations) + " invocations), " + N(last.Gen0 - middle.Gen0) + " in the second ("
                + N(last.Invocations - middle.Invocations) + ")");
        }

        if (childErrorLines > 0)
        {
            failures.Add("the child logged " + N(childErrorLines) + " ERROR/FATAL or stderr line(s)");
        }

        if (childExitCode != 0)
        {
            failures.Add("the child exited with " + childExitCode + " on SIGTERM (0 expected; -1 = killed after the grace period)");
        }

        return new SoakVerdict(
            first.Invocations, measured.Length, rssMin, rssMax,
            measured.Min(s => s.Fds), measured.Max(s => s.Fds), measured.Min(s => s.Threads), measured.Max(s => s.Threads),
            heapMin, heapMax, firstFloor, secondFloor, last.Gen0 - first.Gen0, last.Gen1 - first.Gen1, last.Gen2 - first.Gen2,
            Math.Round(firstAllocated, 1), Math.Round(secondAllocated, 1), failures);
    }

    private static void CheckConstant(SoakSample[] measured, Func<SoakSample, int> value, string what, List<string> failures, bool names)
    {
        int baseline = value(measured[0]);
        foreach (SoakSample sample in measured)
        {
            if (value(sample) != baseline)
            {
                failures.Add(what + " changed after warm-up: " + N(baseline) + " at " + N(measured[0].Invocations) + ", "
                    + N(value(sample)) + " at " + N(sample.Invocations) + " (max " + N(measured.Max(value)) + ")"
                    + (names ? " [" + measured[0].ThreadNames + "] -> [" + sample.ThreadNames + "]" : string.Empty));
                return;
            }
        }
    }

    private static double PerInvocation(SoakSample from, SoakSample to, Func<SoakSample, long> value) =>
        to.Invocations == from.Invocations ? 0 : (double)(value(to) - value(from)) / (to.Invocations - from.Invocations);

    private static string N(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);
}
