using System;
using System.Collections.Generic;
using System.Globalization;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// A set of HTTP status codes written as codes and ranges, <c>200-399,404</c>, as AWS Lambda Web Adapter's
/// <c>AWS_LWA_READINESS_CHECK_HEALTHY_STATUS</c> and <c>AWS_LWA_ERROR_STATUS_CODES</c> take them.
/// </summary>
internal sealed class StatusCodeSet
{
    private readonly (int Low, int High)[] _ranges;

    private StatusCodeSet((int Low, int High)[] ranges, string text)
    {
        _ranges = ranges;
        Text = text;
    }

    /// <summary>The set as it was written (normalised: no spaces).</summary>
    public string Text { get; }

    /// <summary>Every status from <paramref name="low"/> to <paramref name="high"/>.</summary>
    public static StatusCodeSet Range(int low, int high) =>
        new(new[] { (low, high) }, low.ToString(CultureInfo.InvariantCulture) + "-" + high.ToString(CultureInfo.InvariantCulture));

    /// <summary>Whether <paramref name="status"/> is in the set.</summary>
    public bool Contains(int status)
    {
        foreach ((int low, int high) in _ranges)
        {
            if (status >= low && status <= high)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Parses <c>200-399,404</c>; false when any part is not a status code (100-599) or an ascending range of them.</summary>
    public static bool TryParse(string text, out StatusCodeSet? set)
    {
        set = null;
        var ranges = new List<(int Low, int High)>();
        var normalised = new List<string>();
        foreach (string raw in text.Split(','))
        {
            string part = raw.Trim();
            int dash = part.IndexOf('-', StringComparison.Ordinal);
            int low;
            int high;
            if (dash < 0)
            {
                if (!TryCode(part, out low))
                {
                    return false;
                }
                high = low;
            }
            else if (!TryCode(part[..dash].Trim(), out low) || !TryCode(part[(dash + 1)..].Trim(), out high) || high < low)
            {
                return false;
            }
            ranges.Add((low, high));
            normalised.Add(low == high
                ? low.ToString(CultureInfo.InvariantCulture)
                : low.ToString(CultureInfo.InvariantCulture) + "-" + high.ToString(CultureInfo.InvariantCulture));
        }
        set = new StatusCodeSet(ranges.ToArray(), string.Join(",", normalised));
        return true;
    }

    public override string ToString() => Text;

    private static bool TryCode(string text, out int code) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code >= 100 && code <= 599;
}
