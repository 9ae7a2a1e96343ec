using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Runtime.ColdStart;

/// <summary>Command-line options of the harness.</summary>
internal sealed class HarnessOptions
{
    public const int DefaultRuns = 20;
    public const int DefaultWarm = 20_000;

    /// <summary>With --peers: the shell-and-curl runtime forks about ten processes per invocation.</summary>
    public const int DefaultPeersWarm = 2_000;

    /// <summary>With --peers: the platforms the peers run on.</summary>
    public static IReadOnlyList<Platform> PeersPlatforms { get; } = new[] { Platform.Aws, Platform.Scf, Platform.Fc };

    public const string Usage = """
        usage: dotnet run -c Release --project bench/ColdStart [-- options]
          --runs <n>          cold starts per subject and platform (default 20)
          --warm <m>          sequential warm invocations per subject and platform (default 20000; RSS is read half-way and at the end)
          --platform <p>      aws | scf | huawei | fc | azure | cloudrun | scf-web | huawei-http | all (default all)
          --layers <where>    the layered subjects (echo+1layer, echo+3layers, echo+metrics): aws (default: on the aws
                              platform only), all (on every platform measured) or none
          --subjects <list>   measure only these subjects (comma-separated names); floor is always measured, and echo
                              too when a layered subject is
          --no-publish        reuse artifacts/bench/<subject> instead of publishing
          --out <dir>         where coldstart.md and coldstart.json go (default <repo>/bench/results)
          --peers             the peer run instead (issue 6): echo, floor and the peers (echo-jit on aws, scf and fc;
                              shell-curl on aws; midway-scf on scf; midway-fc on fc), set up first (dotnet publish,
                              npm ci); default --platform aws,scf,fc, --warm 2000, --layers none; writes peers.md,
                              peers.json, peers.png and peers.svg
          --no-pin            do not pin the harness and the subjects to one CPU (see the report's definitions)
          --drain-every <ms>  read the subjects' stdout and stderr at most every <ms> milliseconds, in batches, as a
                              batching log collector would (default 0: a blocked reader woken by every write, whose
                              work lands on the subject's pinned CPU; see the report's definitions)
          --help              this text
        """;

    public int Runs { get; private init; } = DefaultRuns;

    public int Warm { get; private init; } = DefaultWarm;

    public IReadOnlyList<Platform> Platforms { get; private init; } = ColdStart.Platforms.All;

    public string PlatformArgument { get; private init; } = "all";

    /// <summary>Where the layered subjects run: <c>aws</c> (the aws platform only), <c>all</c> or <c>none</c>.</summary>
    public string Layers { get; private init; } = "aws";

    /// <summary>The subjects asked for with --subjects, or null for all of them.</summary>
    public IReadOnlyList<string>? SubjectNames { get; private init; }

    public bool Publish { get; private init; } = true;

    /// <summary>Pin the harness (emulator included) and every subject to one CPU.</summary>
    public bool Pin { get; private init; } = true;

    /// <summary>0: the child's output is read as it comes; otherwise at most once per this many milliseconds.</summary>
    public int DrainEveryMs { get; private init; }

    public string? OutDirectory { get; private init; }

    /// <summary>The peer run (--peers): echo, floor and <see cref="Subjects.Peers"/>, reported in peers.md.</summary>
    public bool Peers { get; private init; }

    public IReadOnlyList<string> Arguments { get; private init; } = Array.Empty<string>();

    /// <summary>Whether <paramref name="subject"/> is measured on <paramref name="platform"/> in this run.</summary>
    public bool Measures(Subject subject, Platform platform)
    {
        if (!subject.RunsOn(platform) || (subject.IsPeer && !Peers))
        {
            return false;
        }

        if (Peers && !subject.IsPeer && !subject.IsFloor && subject.Name != Subjects.EchoName)
        {
            return false;
        }

        if (subject.IsLayered && (Layers == "none" || (Layers == "aws" && platform != Platform.Aws)))
        {
            return false;
        }

        if (SubjectNames is null || subject.IsFloor || SubjectNames.Contains(subject.Name))
        {
            return true;
        }

        // A layered subject is reported against plain echo, so echo comes with it.
        return subject.Name == Subjects.EchoName && Subjects.All.Any(s => s.IsLayered && SubjectNames.Contains(s.Name) && Measures(s, platform));
    }

    /// <summary>Parses <paramref name="args"/>; null with an empty <paramref name="error"/> means help was asked for.</summary>
    public static HarnessOptions? TryParse(string[] args, out string error)
    {
        error = string.Empty;
        int runs = DefaultRuns;
        int? warm = null;
        string? platform = null;
        bool peers = false;
        bool publish = true;
        bool pin = true;
        int drainEveryMs = 0;
        string? outDirectory = null;
        string? layers = null;
        List<string>? subjectNames = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--help" or "-h":
                    return null;
                case "--no-publish":
                    publish = false;
                    break;
                case "--peers":
                    peers = true;
                    break;
                case "--no-pin":
                    pin = false;
                    break;
                case "--drain-every":
                    if (i + 1 >= args.Length || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out drainEveryMs) || drainEveryMs > 10)
                    {
                        error = "--drain-every needs a whole number of milliseconds from 0 to 10 (a longer pause could fill the 64 KiB pipe and block the subject)";
                        return null;
                    }
                    break;
                case "--runs" or "--warm" or "--platform" or "--out" or "--layers" or "--subjects":
                    if (i + 1 >= args.Length)
                    {
                        error = arg + " needs a value";
                        return null;
                    }

                    string value = args[++i];
                    if (arg == "--platform")
                    {
                        platform = value.ToLowerInvariant();
                        if (platform != "all" && ColdStart.Platforms.Parse(platform) is null)
                        {
                            error = "--platform must be one of " + ColdStart.Platforms.Choices;
                            return null;
                        }
                    }
                    else if (arg == "--out")
                    {
                        outDirectory = value;
                    }
                    else if (arg == "--layers")
                    {
                        layers = value.ToLowerInvariant();
                        if (layers is not ("aws" or "all" or "none"))
                        {
                            error = "--layers must be aws, all or none";
                            return null;
                        }
                    }
                    else if (arg == "--subjects")
                    {
                        subjectNames = new List<string>(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                        foreach (string name in subjectNames)
                        {
                            if (!Subjects.Everything.Any(s => s.Name == name))
                            {
                                error = "--subjects: no subject named " + name + " (" + string.Join(", ", Subjects.Everything.Select(static s => s.Name)) + ")";
                                return null;
                            }
                        }
                    }
                    else if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1)
                    {
                        error = arg + " must be a positive whole number";
                        return null;
                    }
                    else if (arg == "--runs")
                    {
                        runs = number;
                    }
                    else
                    {
                        warm = number;
                    }

                    break;
                default:
                    error = "unknown argument " + arg;
                    return null;
            }
        }

        IReadOnlyList<Platform> platforms = platform is not null && ColdStart.Platforms.Parse(platform) is { } one
            ? new[] { one }
            : platform is null && peers ? PeersPlatforms : ColdStart.Platforms.All;
        return new HarnessOptions
        {
            Runs = runs,
            Warm = warm ?? (peers ? DefaultPeersWarm : DefaultWarm),
            PlatformArgument = platform ?? (peers ? "aws,scf,fc" : "all"),
            Layers = layers ?? (peers ? "none" : "aws"),
            Peers = peers,
            SubjectNames = subjectNames,
            Platforms = platforms,
            Publish = publish,
            Pin = pin,
            DrainEveryMs = drainEveryMs,
            OutDirectory = outDirectory,
            Arguments = args,
        };
    }
}
