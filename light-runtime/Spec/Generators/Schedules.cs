using System;
using System.Globalization;
using System.Text;

namespace Runtime.Spec.Generators;

/// <summary>
/// f.yml's schedules (a five-field UTC cron, or a rate of whole minutes) in each cloud's dialect. A null answer means
/// the dialect cannot say it exactly; the generator then reports the field.
/// </summary>
internal static class Schedules
{
    /// <summary>Six fields, seconds first (Azure NCRONTAB, FC, FunctionGraph): <c>0 &lt;cron&gt;</c>.</summary>
    public static string WithSeconds(string cron) => "0 " + Normalize(cron);

    /// <summary>Seven fields, seconds first and year last (Tencent SCF).</summary>
    public static string WithSecondsAndYear(string cron) => "0 " + Normalize(cron) + " *";

    /// <summary>
    /// EventBridge's <c>cron(min hour dom month dow year)</c>: one of day-of-month and day-of-week must be <c>?</c>
    /// (so a cron restricting both, which Unix reads as "either", has no equivalent), and days of the week count
    /// 1–7 from Sunday instead of 0–6.
    /// </summary>
    public static string? Aws(string cron)
    {
        string[] f = Fields(cron);
        string dom = f[2];
        string dow = f[4];
        if (dom != "*" && dow != "*")
        {
            return null;
        }
        if (dow == "*")
        {
            dow = "?";
        }
        else
        {
            dom = "?";
            dow = ShiftDaysOfWeek(dow);
        }
        return $"cron({f[0]} {f[1]} {dom} {f[3]} {dow} *)";
    }

    /// <summary>EventBridge's <c>rate(5 minutes)</c>, in the largest whole unit.</summary>
    public static string AwsRate(TimeSpan rate)
    {
        (long n, string unit) = LargestUnit(rate);
        string word = unit switch { "d" => "day", "h" => "hour", _ => "minute" };
        return string.Create(CultureInfo.InvariantCulture, $"rate({n} {word}{(n == 1 ? "" : "s")})");
    }

    /// <summary>Go-style <c>@every 90m</c> (FC, FunctionGraph): hours and minutes only.</summary>
    public static string Every(TimeSpan rate)
    {
        long minutes = (long)rate.TotalMinutes;
        return minutes % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"@every {minutes / 60}h")
            : string.Create(CultureInfo.InvariantCulture, $"@every {minutes}m");
    }

    /// <summary>
    /// The five-field cron that fires exactly every <paramref name="rate"/> (a divisor of an hour or of a day, or one
    /// day), or null when no cron does (e.g. every 7 minutes: */7 restarts at each hour).
    /// </summary>
    public static string? RateAsCron(TimeSpan rate)
    {
        long minutes = (long)rate.TotalMinutes;
        if (minutes <= 0)
        {
            return null;
        }
        if (minutes < 60 && 60 % minutes == 0)
        {
            return minutes == 1 ? "* * * * *" : string.Create(CultureInfo.InvariantCulture, $"*/{minutes} * * * *");
        }
        if (minutes % 60 == 0)
        {
            long hours = minutes / 60;
            if (hours < 24 && 24 % hours == 0)
            {
                return hours == 1 ? "0 * * * *" : string.Create(CultureInfo.InvariantCulture, $"0 */{hours} * * *");
            }
            if (hours == 24)
            {
                return "0 0 * * *";
            }
        }
        return null;
    }

    /// <summary>The rate in its largest whole unit: ("d", n), ("h", n) or ("m", n).</summary>
    public static (long Count, string Unit) LargestUnit(TimeSpan rate)
    {
        long minutes = (long)rate.TotalMinutes;
        if (minutes % (60 * 24) == 0)
        {
            return (minutes / (60 * 24), "d");
        }
        return minutes % 60 == 0 ? (minutes / 60, "h") : (minutes, "m");
    }

    private static string Normalize(string cron) => string.Join(' ', Fields(cron));

    private static string[] Fields(string cron)
    {
        string[] fields = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            // The f.yml reader only lets five-field crons through; anything else is a caller bug.
            throw new ArgumentException($"A cron of five fields was expected: '{cron}'.", nameof(cron));
        }
        return fields;
    }

    /// <summary>Adds one to every day number of a day-of-week field (0 and 7 are both Sunday: 1), leaving steps and names alone.</summary>
    private static string ShiftDaysOfWeek(string field)
    {
        var output = new StringBuilder(field.Length);
        int i = 0;
        bool afterSlash = false;
        while (i < field.Length)
        {
            char c = field[i];
            if (char.IsAsciiDigit(c))
            {
                int start = i;
                while (i < field.Length && char.IsAsciiDigit(field[i]))
                {
                    i++;
                }
                string digits = field[start..i];
                if (afterSlash)
                {
                    output.Append(digits);
                }
                else
                {
                    int day = int.Parse(digits, CultureInfo.InvariantCulture) % 7;
                    output.Append((day + 1).ToString(CultureInfo.InvariantCulture));
                }
                continue;
            }
            afterSlash = c == '/' || (afterSlash && c != ',');
            output.Append(c);
            i++;
        }
        return output.ToString();
    }
}
