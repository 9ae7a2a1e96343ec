using System;
using System.Collections.Generic;
using System.Globalization;

namespace Runtime.Soak;

/// <summary>The command line (see <see cref="Usage"/>).</summary>
internal sealed class SoakOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Soak -- [options]
          --invocations N     per platform (default 100000)
          --every K           sample every K invocations (default 1000)
          --platforms LIST    comma-separated: aws (poll), fc, cloudrun (server); default aws,fc,cloudrun
          --no-publish        reuse artifacts/bench/echo/bootstrap instead of publishing samples/Echo
          --bootstrap PATH    soak this bootstrap instead (implies --no-publish)
          --env KEY=VALUE     one more variable for the bootstrap (repeatable; for experiments)
          --out DIR           where soak.md and soak.json go (default bench/results)
        exit code: 0 all passed, 1 drift found, 2 the soak could not run
        """;

    public int Invocations { get; private set; } = 100_000;

    public int Every { get; private set; } = 1_000;

    public IReadOnlyList<SoakPlatform> Platforms { get; private set; } = SoakPlatforms.All;

    public bool Publish { get; private set; } = true;

    public string? Bootstrap { get; private set; }

    public string? Out { get; private set; }

    public IReadOnlyDictionary<string, string> Environment => _environment;

    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--invocations":
                    options.Invocations = Positive(arg, Value(args, ref i));
                    break;
                case "--every":
                    options.Every = Positive(arg, Value(args, ref i));
                    break;
                case "--platforms":
                    var platforms = new List<SoakPlatform>();
                    foreach (string name in Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        platforms.Add(SoakPlatforms.Parse(name) ?? throw new SoakException("unknown platform '" + name + "' (aws, fc, cloudrun)\n" + Usage));
                    }

                    options.Platforms = platforms.Count > 0 ? platforms : throw new SoakException("--platforms names none\n" + Usage);
                    break;
                case "--no-publish":
                    options.Publish = false;
                    break;
                case "--bootstrap":
                    options.Bootstrap = Value(args, ref i);
                    options.Publish = false;
                    break;
                case "--env":
                    string pair = Value(args, ref i);
                    int equals = pair.IndexOf('=');
                    if (equals <= 0)
                    {
                        throw new SoakException("--env needs KEY=VALUE, not '" + pair + "'");
                    }

                    options._environment[pair[..equals]] = pair[(equals + 1)..];
                    break;
                case "--out":
                    options.Out = Value(args, ref i);
                    break;
                default:
                    throw new SoakException("unknown argument '" + arg + "'\n" + Usage);
            }
        }

        if (options.Invocations % options.Every != 0 || options.Invocations / options.Every < 10)
        {
            throw new SoakException("--invocations must be a multiple of --every, with at least 10 samples\n" + Usage);
        }

        return options;
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new SoakException(args[i - 1] + " needs a value\n" + Usage);

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new SoakException(name + " must be a positive integer, not '" + text + "'");
}
