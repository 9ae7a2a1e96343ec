using System;

namespace Runtime.Spec.Rules;

/// <summary>
/// The portable cron of a <c>timer</c> event: five fields, minute hour day-of-month month day-of-week (UTC), each a
/// comma list of <c>*</c>, <c>n</c>, <c>a-b</c>, optionally stepped (<c>*/n</c>, <c>a-b/n</c>, <c>a/n</c>); months may be
/// <c>JAN</c>-<c>DEC</c>, days of the week <c>SUN</c>-<c>SAT</c> (0 = Sunday). Every cloud's dialect can express this
/// (the generators rewrite it: AWS needs a <c>?</c>, SCF and FC want seconds first); <c>?</c>, <c>L</c>, <c>W</c>
/// and <c>#</c> are not portable and rejected.
/// </summary>
internal static class CronRules
{
    private static readonly string[] s_fieldNames = ["minute", "hour", "day-of-month", "month", "day-of-week"];
    private static readonly int[] s_min = [0, 0, 1, 1, 0];
    private static readonly int[] s_max = [59, 23, 31, 12, 6];
    private static readonly string[] s_months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] s_days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>Null when valid, else what is wrong (continuing "cron '...' ").</summary>
    public static string? Problem(string cron)
    {
        string[] fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return $"has {fields.Length} field{(fields.Length == 1 ? "" : "s")}; expected 5: minute hour day-of-month month day-of-week";
        }
        for (int i = 0; i < fields.Length; i++)
        {
            if (FieldProblem(fields[i], i) is { } why)
            {
                return $"has an invalid {s_fieldNames[i]} '{fields[i]}': {why}";
            }
        }
        return null;
    }

    private static string? FieldProblem(string field, int index)
    {
        foreach (string item in field.Split(','))
        {
            if (item.Length == 0)
            {
                return "a list item is empty";
            }
            string range = item;
            int slash = item.IndexOf('/');
            if (slash >= 0)
            {
                range = item[..slash];
                string step = item[(slash + 1)..];
                if (!int.TryParse(step, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < 1)
                {
                    return $"step '{step}' must be a positive integer";
                }
            }
            if (range == "*")
            {
                continue;
            }
            int dash = range.IndexOf('-');
            string from = dash >= 0 ? range[..dash] : range;
            if (ValueProblem(from, index, out int a) is { } fromProblem)
            {
                return fromProblem;
            }
            if (dash >= 0)
            {
                if (ValueProblem(range[(dash + 1)..], index, out int b) is { } toProblem)
                {
                    return toProblem;
                }
                if (b < a)
                {
                    return $"range {range} goes backwards";
                }
            }
        }
        return null;
    }

    private static string? ValueProblem(string text, int index, out int value)
    {
        string[]? names = index == 3 ? s_months : index == 4 ? s_days : null;
        if (names is not null)
        {
            int named = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (named >= 0)
            {
                value = named + (index == 3 ? 1 : 0);
                return null;
            }
        }
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            if (text == "?")
            {
                return "'?' is not portable; use '*'";
            }
            string kind = index == 3 ? "a number 1-12 or JAN-DEC" : index == 4 ? "a number 0-6 (0 = Sunday) or SUN-SAT" : $"a number {s_min[index]}-{s_max[index]}";
            return $"'{text}' is not {kind}";
        }
        if (value < s_min[index] || value > s_max[index])
        {
            return $"{value} is out of range {s_min[index]}-{s_max[index]}";
        }
        return null;
    }
}
