using System;
using System.Globalization;

namespace Runtime.Spec.Rules;

/// <summary>A timer's <c>rate</c>: <c>&lt;n&gt;m</c>, <c>&lt;n&gt;h</c> or <c>&lt;n&gt;d</c>, n a positive integer (minutes are the finest grain every cloud has).</summary>
internal static class RateRules
{
    /// <summary>Null and the interval when valid, else what is wrong (continuing "rate '...' ").</summary>
    public static string? Parse(string text, out TimeSpan rate)
    {
        rate = default;
        if (text.Length < 2 || text[^1] is not ('m' or 'h' or 'd')
            || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long n))
        {
            return "is not valid; expected <n>m, <n>h or <n>d with n a positive integer";
        }
        if (n == 0)
        {
            return "must be positive";
        }
        long minutes = text[^1] switch { 'm' => 1, 'h' => 60, _ => 1440 };
        if (n > (long)TimeSpan.MaxValue.TotalMinutes / minutes)
        {
            return "is too long";
        }
        rate = TimeSpan.FromMinutes(n * minutes);
        return null;
    }
}
