using System;
using System.Text;
using Runtime.Spec.Model;
using Runtime.Spec.Yaml;

namespace Runtime.Spec.Reading;

/// <summary>
/// <c>${env.NAME}</c> in a scalar value is replaced by the variable's value (a variable that is not set is an error:
/// an empty string would deploy silently wrong); <c>$${</c> is a literal <c>${</c>; any other <c>${...}</c> is an
/// error, so that a Serverless Framework <c>${opt:stage}</c> or <c>${self:...}</c> is not deployed as written.
/// Keys are never substituted, and a substituted value is not scanned again.
/// </summary>
internal sealed class EnvSubstitution
{
    private const string Prefix = "env.";
    private readonly Func<string, string?> _environment;
    private readonly SourceText _source;
    private readonly DiagnosticBag _bag;

    public EnvSubstitution(Func<string, string?> environment, SourceText source, DiagnosticBag bag)
    {
        _environment = environment;
        _source = source;
        _bag = bag;
    }

    /// <summary>The scalar's value with references substituted; null when one could not be (reported).</summary>
    public string? Apply(YamlScalar scalar)
    {
        string value = scalar.Value;
        int at = value.IndexOf('$');
        if (at < 0)
        {
            return value;
        }
        var result = new StringBuilder(value.Length);
        bool ok = true;
        int copied = 0;
        for (int i = value.IndexOf("${", StringComparison.Ordinal); i >= 0; i = value.IndexOf("${", i, StringComparison.Ordinal))
        {
            if (i > 0 && value[i - 1] == '$')
            {
                // "$${" is a literal "${": drop one '$'.
                result.Append(value, copied, i - 1 - copied).Append("${");
                copied = i + 2;
                i += 2;
                continue;
            }
            result.Append(value, copied, i - copied);
            int close = value.IndexOf('}', i + 2);
            if (close < 0)
            {
                _bag.Error(Where(scalar, i), "'${' is never closed; expected ${env.NAME} (write $${ for a literal '${')");
                return null;
            }
            string reference = value[(i + 2)..close];
            string name = reference.StartsWith(Prefix, StringComparison.Ordinal) ? reference[Prefix.Length..] : "";
            if (!IsName(name))
            {
                _bag.Error(Where(scalar, i), $"unsupported reference '${{{reference}}}'; only ${{env.NAME}} is substituted (write $${{ for a literal '${{')");
                ok = false;
            }
            else if (_environment(name) is { } substituted)
            {
                result.Append(substituted);
            }
            else
            {
                _bag.Error(Where(scalar, i), $"environment variable '{name}' is not set (referenced as '${{env.{name}}}')");
                ok = false;
            }
            copied = close + 1;
            i = close + 1;
        }
        result.Append(value, copied, value.Length - copied);
        return ok ? result.ToString() : null;
    }

    /// <summary>
    /// Where the reference starting at <paramref name="indexInValue"/> is in the file: the same occurrence of "${" in
    /// the scalar's source text (escapes and folding never produce or remove a "${"), else the scalar's start.
    /// </summary>
    private SpecLocation Where(YamlScalar scalar, int indexInValue)
    {
        int ordinal = 0;
        for (int i = scalar.Value.IndexOf("${", StringComparison.Ordinal); i >= 0 && i < indexInValue; i = scalar.Value.IndexOf("${", i + 1, StringComparison.Ordinal))
        {
            ordinal++;
        }
        string text = _source.Text;
        int end = Math.Min(scalar.EndIndex, text.Length);
        int found = scalar.StartIndex - 1;
        for (int n = 0; n <= ordinal; n++)
        {
            found = found + 1 < end ? text.IndexOf("${", found + 1, end - found - 1, StringComparison.Ordinal) : -1;
            if (found < 0)
            {
                return scalar.Location;
            }
        }
        return _source.LocationOf(found);
    }

    private static bool IsName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
