using BenchmarkDotNet.Running;

namespace Runtime.Micro;

/// <summary>Micro-benchmarks of the invoke path: <c>dotnet run -c Release --project bench/Micro -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
