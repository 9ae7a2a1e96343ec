using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Runtime.Cli;

namespace Runtime.SpecBench;

/// <summary>
/// Times <c>faas spec</c> and <c>faas package</c> end to end (command tree built, f.yml read, planned, generated, bootstrap
/// checked, every artifact written) in this process, for every cloud, on <see cref="BenchService"/>. One untimed run per
/// cell first (JIT), then the median of N. Bar (issue 5): each under 1 s. Prints a markdown table.
/// </summary>
internal static class Program
{
    private static readonly string[] s_platforms = ["aws", "tencent", "alibaba", "huawei", "azure", "knative"];

    private static int Main(string[] args)
    {
        int runs = 11;
        string? bootstrap = null;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--bootstrap":
                    bootstrap = args[i + 1];
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; options: --runs N, --bootstrap <published native bootstrap>");
                    return 2;
            }
        }
        bootstrap ??= DefaultBootstrap();
        if (bootstrap is null || !File.Exists(bootstrap))
        {
            Console.Error.WriteLine("no bootstrap: pass --bootstrap <path>, or publish one first (dotnet run -c Release --project bench/ColdStart writes artifacts/bench/echo/bootstrap)");
            return 2;
        }

        DirectoryInfo work = Directory.CreateTempSubdirectory("faas-specbench-");
        try
        {
            string spec = BenchService.Write(work.FullName, File.ReadAllBytes(bootstrap));
            // One spec for every cloud: what a cloud cannot express (an HTTP path on FC, ...) is a warning, as a user would run it.
            string[] layerRefs = [.. BenchService.Layers.SelectMany(l => new[] { "--layer-ref", $"{l}=1" }), "--warn-unsupported"];
            Console.WriteLine($"faas spec / faas package, {BenchService.Functions} functions ({BenchService.Groups} groups of {BenchService.GroupSize}, "
                + $"{BenchService.Functions - BenchService.Groups * BenchService.GroupSize + BenchService.Groups} deployments, "
                + $"{BenchService.Layers.Length} layers), bootstrap {new FileInfo(bootstrap).Length / 1024} KiB, median of {runs} runs, "
                + $"in-process, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine();
            Console.WriteLine("| cloud | spec ms | package ms | artifacts | under 1 s |");
            Console.WriteLine("|---|---:|---:|---:|---|");
            bool allUnder = true;
            foreach (string platform in s_platforms)
            {
                string specOut = Path.Combine(work.FullName, "spec-" + platform);
                string packageOut = Path.Combine(work.FullName, "dist-" + platform);
                double specMs = Median(runs, () => Run(["spec", "--platform", platform, "--file", spec, "--out", specOut, .. layerRefs]));
                double packageMs = Median(runs, () => Run(
                    ["package", "--platform", platform, "--file", spec, "--bootstrap", bootstrap, "--out", packageOut, "--target-glibc", "2.34", .. layerRefs]));
                long bytes = new DirectoryInfo(packageOut).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
                bool under = specMs < 1000 && packageMs < 1000;
                allUnder &= under;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {platform} | {specMs:0.0} | {packageMs:0.0} | {bytes / (1024.0 * 1024.0):0.0} MiB | {(under ? "yes" : "NO")} |"));
            }
            return allUnder ? 0 : 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // The first run is untimed: it pays for JIT and the file cache, which a developer's second run does not.
    private static double Median(int runs, Action action)
    {
        action();
        var samples = new List<double>(runs);
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        samples.Sort();
        return runs % 2 == 1 ? samples[runs / 2] : (samples[runs / 2 - 1] + samples[runs / 2]) / 2;
    }

    private static void Run(string[] args)
    {
        var error = new StringWriter();
        int code = FaasCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        if (code != 0)
        {
            throw new InvalidOperationException($"faas {string.Join(' ', args)} exited with {code}:\n{error}");
        }
    }

    private static string? DefaultBootstrap()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Runtime.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "bench", "echo", "bootstrap");
            }
        }
        return null;
    }
}
