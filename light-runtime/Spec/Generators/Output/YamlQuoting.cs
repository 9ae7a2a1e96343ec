using System;
using System.Globalization;
using System.Text;

namespace Runtime.Spec.Generators.Output;

/// <summary>
/// How a string is written in block YAML so that every reader (YAML 1.1 and 1.2) reads back the same string: plain when
/// that is unambiguous, in single quotes when a plain scalar would read as something else (a number, a boolean, null, a
/// date, an alias, a comment, a mapping), in double quotes with escapes when it holds characters single quotes cannot carry.
/// </summary>
internal static class YamlQuoting
{
    // YAML 1.1 reads all of these (in any case) as booleans or null; 1.2 a few. Quoting them is always right.
    private static readonly string[] s_reserved =
    [
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "=", "<<",
    ];

    private const string LeadingIndicators = "-?:,[]{}#&*!|>'\"%@` ";

    public static string Scalar(DocScalar scalar) => scalar.Kind == DocScalarKind.String ? String(scalar.Text) : scalar.Text;

    /// <summary>The string as a YAML scalar (also used for keys).</summary>
    public static string String(string value)
    {
        if (NeedsDoubleQuotes(value))
        {
            return DoubleQuoted(value);
        }
        return NeedsQuotes(value) ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'" : value;
    }

    /// <summary>Whether a plain scalar would not read back as this exact string.</summary>
    public static bool NeedsQuotes(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }
        foreach (string word in s_reserved)
        {
            if (string.Equals(value, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        char first = value[0];
        if (LeadingIndicators.Contains(first, StringComparison.Ordinal))
        {
            return true;
        }
        // Numbers of every YAML flavour (1, 1.5, 0x1F, 0o17, 1e3, 1_000, 12:30 sexagesimal, 2001-12-14 dates, +1, .5, .inf)
        // start with a digit, '+' or '.'. Quoting all of them costs nothing and never misreads.
        if (char.IsAsciiDigit(first) || first == '+' || first == '.')
        {
            return true;
        }
        char last = value[^1];
        if (last == ' ' || last == ':')
        {
            return true;
        }
        return value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal);
    }

    /// <summary>Whether the string holds characters only a double-quoted scalar can carry (line breaks, tabs, controls).</summary>
    public static bool NeedsDoubleQuotes(string value)
    {
        foreach (char c in value)
        {
            if (c < ' ' || c == '\u007F' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF')
            {
                return true;
            }
        }
        return false;
    }

    private static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c == '\u007F' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
        return builder.ToString();
    }
}
