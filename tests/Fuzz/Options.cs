using System;
using System.Collections.Generic;
using System.Globalization;

namespace Runtime.Fuzz;

/// <summary>Command-line options: <c>--name value</c> pairs, and everything else as paths.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

    public Options(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                _named[args[i]] = args[++i];
            }
            else
            {
                Paths.Add(args[i]);
            }
        }
    }

    public List<string> Paths { get; } = new();

    public long Long(string name, long fallback) =>
        _named.TryGetValue(name, out string? value) ? long.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public string? String(string name) => _named.GetValueOrDefault(name);
}
