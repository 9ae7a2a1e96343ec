using System.Collections.Generic;
using System.Linq;

namespace Runtime.Spec.Rules;

/// <summary>Lists in messages: "a, b or c".</summary>
internal static class Words
{
    public static string OneOf(IEnumerable<string> words)
    {
        string[] all = words.ToArray();
        return all.Length switch
        {
            0 => "nothing",
            1 => all[0],
            _ => string.Join(", ", all[..^1]) + " or " + all[^1],
        };
    }
}
