namespace Runtime.Spec.Rules;

/// <summary>
/// What a name that becomes a cloud resource name may be: the service, functions, aggregation groups, triggers,
/// layers and the stage. f.yml is portable, so the rule is the intersection of the six clouds' rules:
/// <list type="bullet">
/// <item>AWS Lambda, CreateFunction <c>FunctionName</c>: 1-64 of letters, digits, <c>-</c>, <c>_</c>.</item>
/// <item>Tencent SCF, CreateFunction <c>FunctionName</c>: 2-60 of letters, digits, <c>-</c>, <c>_</c>; starts with a letter, ends with a letter or digit.</item>
/// <item>Alibaba FC 3.0, CreateFunction <c>functionName</c>: 1-64 of letters, digits, <c>-</c>, <c>_</c>; does not start with a digit or <c>-</c>.</item>
/// <item>Huawei FunctionGraph, CreateFunction <c>func_name</c>: at most 60 of letters, digits, <c>-</c>, <c>_</c>; starts with a letter, ends with a letter or digit.</item>
/// <item>Azure Functions: the function app (Microsoft.Web/sites) name is 2-60 of letters, digits, <c>-</c>; does not start or end with <c>-</c>.</item>
/// <item>Knative Serving / Cloud Run: a Service (and Trigger) name is an RFC 1035 DNS label: at most 63 of lower-case letters, digits, <c>-</c>; starts with a letter, ends with a letter or digit.</item>
/// </list>
/// So: 2-60 characters (Tencent, Huawei, Azure), lower-case letters, digits and hyphens (Knative; Azure has no <c>_</c>),
/// starting with a letter and ending with a letter or digit. Generators check what their cloud adds (e.g. a
/// <c>service-stage-</c> prefix making a deployed name longer).
/// </summary>
internal static class NameRules
{
    public const int MinLength = 2;
    public const int MaxLength = 60;

    /// <summary>Null when <paramref name="name"/> is valid, else what is wrong, as the end of a sentence starting with the name.</summary>
    public static string? Problem(string name)
    {
        if (name.Length < MinLength)
        {
            return $"is too short; a name has {MinLength} to {MaxLength} characters";
        }
        if (name.Length > MaxLength)
        {
            return $"is {name.Length} characters long; at most {MaxLength}";
        }
        if (name[0] is < 'a' or > 'z')
        {
            return "must start with a lower-case letter";
        }
        foreach (char c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return $"may contain only lower-case letters, digits and hyphens; found '{c}'";
            }
        }
        if (name[^1] == '-')
        {
            return "must not end with a hyphen";
        }
        return null;
    }

    /// <summary>
    /// Environment variable names (and layer setting keys, which become variables): a letter, then letters, digits and
    /// underscores. AWS Lambda requires the leading letter; Knative requires a C identifier; the others allow more.
    /// </summary>
    public static bool IsVariableName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
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
