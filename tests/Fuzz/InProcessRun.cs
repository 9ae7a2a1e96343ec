using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Runtime.Fuzz;

/// <summary>
/// Replay (each given file, or every file of each given folder, once) and mutate (the corpus once, then random
/// mutations until --count inputs or --seconds pass). A failing input is saved to --findings as
/// <c>crash-&lt;hash&gt;</c> (one per distinct failure) and the run goes on; a hang saves <c>hang-&lt;hash&gt;</c> and
/// ends the process at once (exit 1), since a running input cannot be stopped safely.
/// </summary>
internal sealed class InProcessRun
{
    private readonly IFuzzTarget _target;
    private readonly Guard _guard;
    private readonly Options _options;
    private readonly bool _mutate;
    private readonly string _findings;
    private readonly HashSet<string> _signatures = new(StringComparer.Ordinal);
    private byte[] _current = Array.Empty<byte>();
    private int _failures;

    public InProcessRun(IFuzzTarget target, Guard guard, Options options, bool mutate)
    {
        _target = target;
        _guard = guard;
        _options = options;
        _mutate = mutate;
        _findings = options.String("--findings") ?? Path.Combine("artifacts", "fuzz", "findings", target.Name);
    }

    public int Execute()
    {
        List<string> paths = _options.Paths.Count > 0 ? _options.Paths
            : new List<string> { _options.String("--corpus") ?? Path.Combine("tests", "Fuzz", "corpus", _target.Name) }; // from the repo root
        List<(string Label, byte[] Bytes)> inputs = Load(paths);
        _guard.StartWatchdog(label =>
        {
            string file = Save("hang", _current);
            Console.Error.WriteLine($"HANG: {label} ran longer than the time limit; input saved to {file}");
            Environment.Exit(1);
        });

        var clock = Stopwatch.StartNew();
        long count = 0;
        foreach ((string label, byte[] bytes) in inputs)
        {
            RunOne(bytes, label);
            count++;
        }
        if (_mutate)
        {
            long total = _options.Long("--count", 100_000);
            long seconds = _options.Long("--seconds", long.MaxValue / 1000);
            int seed = (int)_options.Long("--seed", Environment.TickCount);
            var mutator = new Mutator(seed, inputs.Select(i => i.Bytes).ToList(), _target.Dictionary);
            Console.WriteLine($"{_target.Name}: mutating with seed {seed}");
            for (long i = 0; count < total && clock.Elapsed.TotalSeconds < seconds; i++)
            {
                RunOne(mutator.Next(), "mutation " + i + " (seed " + seed + ")");
                count++;
            }
        }
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{_target.Name}: {count} inputs ({inputs.Count} from files) in {clock.Elapsed.TotalSeconds:F1} s, "
            + $"{_failures} failures ({_signatures.Count} distinct); peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB; "
            + $"most allocated by one input {_guard.MaxAllocated} bytes (a {_guard.MaxAllocatedInputLength}-byte input)");
        return _signatures.Count == 0 ? 0 : 1;
    }

    private void RunOne(byte[] bytes, string label)
    {
        _current = bytes;
        try
        {
            _guard.Run(bytes, label);
        }
        catch (Exception ex)
        {
            // The failure is the result: record it and keep fuzzing, so one run finds every distinct failure.
            _failures++;
            string frame = ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
            string signature = ex is FuzzFailure ? ex.Message.Split('\n')[0] : ex.GetType().FullName + " " + frame;
            if (_signatures.Add(signature))
            {
                string file = Save("crash", bytes);
                Console.Error.WriteLine($"FAILURE on {label}, input saved to {file}:\n{ex}\n");
            }
        }
    }

    private string Save(string kind, byte[] bytes)
    {
        Directory.CreateDirectory(_findings);
        string file = Path.Combine(_findings, $"{kind}-{Fnv.Hash(bytes):x8}");
        File.WriteAllBytes(file, bytes);
        return file;
    }

    private static List<(string, byte[])> Load(List<string> paths)
    {
        var inputs = new List<(string, byte[])>();
        foreach (string path in paths)
        {
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : new[] { path };
            foreach (string file in files)
            {
                inputs.Add((file, File.ReadAllBytes(file)));
            }
        }
        return inputs;
    }
}
