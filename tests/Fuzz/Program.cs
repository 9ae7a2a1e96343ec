using System;
using System.IO;
using System.Linq;
using System.Text;
using SharpFuzz;

namespace Runtime.Fuzz;

/// <summary>
/// <c>Runtime.Fuzz afl|libfuzzer|replay|mutate &lt;target&gt; [options]</c> (docs/fuzzing.md). afl and libfuzzer hand
/// the target to the engine through SharpFuzz (run them on assemblies instrumented with the sharpfuzz tool; run.sh
/// does); replay runs given files or folders once each; mutate runs the corpus and then random mutations of it;
/// dict prints the target's dictionary for afl-fuzz -x.
/// Exit 0 = no failure; 1 = failures (each input saved under --findings); 2 = bad usage.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: Runtime.Fuzz afl|libfuzzer|replay|mutate|dict <target> [paths...] [--count N] [--seconds S] [--seed N]"
                + " [--corpus DIR] [--findings DIR] [--time-limit-ms MS]\n  targets: " + string.Join(", ", Targets.Names));
            return 2;
        }
        string name = args[1];
        if (!Targets.Names.Contains(name))
        {
            Console.Error.WriteLine($"Unknown target '{name}'; targets: {string.Join(", ", Targets.Names)}.");
            return 2;
        }
        var options = new Options(args.Skip(2).ToArray());
        var timeLimit = TimeSpan.FromMilliseconds(options.Long("--time-limit-ms", 5000));
        // Under an engine the target is created inside the engine's callback: instrumented code (the codecs' static
        // state included) may only run once SharpFuzz has mapped the engine's coverage memory.
        Guard? engineGuard = null;
        switch (args[0])
        {
            case "afl":
                // AFL++ runs this process persistently; an exception escaping here is reported as a crash, and
                // afl-fuzz -t enforces the time limit.
                Fuzzer.Run(stream =>
                {
                    engineGuard ??= new Guard(Targets.Create(name), timeLimit);
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    engineGuard.Run(copy.GetBuffer().AsSpan(0, (int)copy.Length), "afl input");
                });
                return 0;
            case "libfuzzer":
                Fuzzer.LibFuzzer.Run(span =>
                {
                    engineGuard ??= new Guard(Targets.Create(name), timeLimit);
                    engineGuard.Run(span, "libfuzzer input");
                });
                return 0;
            case "dict":
                IFuzzTarget target = Targets.Create(name);
                // The target's dictionary in AFL's -x format.
                for (int i = 0; i < target.Dictionary.Length; i++)
                {
                    var token = new StringBuilder();
                    foreach (byte b in Encoding.UTF8.GetBytes(target.Dictionary[i]))
                    {
                        token.Append(b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
                    }
                    Console.WriteLine($"token{i}=\"{token}\"");
                }
                return 0;
            case "replay":
            case "mutate":
                IFuzzTarget inProcess = Targets.Create(name);
                return new InProcessRun(inProcess, new Guard(inProcess, timeLimit), options, args[0] == "mutate").Execute();
            default:
                Console.Error.WriteLine($"Unknown mode '{args[0]}'.");
                return 2;
        }
    }
}
