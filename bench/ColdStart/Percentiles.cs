using System;
using System.Collections.Generic;

namespace Runtime.ColdStart;

/// <summary>Percentiles by linear interpolation between closest ranks (numpy's default, Excel's PERCENTILE.INC).</summary>
internal static class Percentiles
{
    /// <summary><paramref name="sorted"/> ascending; <paramref name="p"/> in [0, 1].</summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no samples", nameof(sorted));
        }

        double rank = p * (sorted.Count - 1);
        int low = (int)Math.Floor(rank);
        int high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    public static Summary Summarize(IEnumerable<double> samples, int decimals)
    {
        var sorted = new List<double>(samples);
        sorted.Sort();
        double sum = 0;
        foreach (double sample in sorted)
        {
            sum += sample;
        }

        return new Summary
        {
            Count = sorted.Count,
            Min = Math.Round(sorted[0], decimals),
            Median = Math.Round(Of(sorted, 0.5), decimals),
            P90 = Math.Round(Of(sorted, 0.9), decimals),
            P99 = Math.Round(Of(sorted, 0.99), decimals),
            Max = Math.Round(sorted[^1], decimals),
            Mean = Math.Round(sum / sorted.Count, decimals),
        };
    }
}
