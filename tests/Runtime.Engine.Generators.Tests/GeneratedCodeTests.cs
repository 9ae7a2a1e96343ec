using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Runtime.Engine.Buffers;
using Serilog.Core;
using Xunit;

namespace Runtime.Engine.Generators.Tests;

/// <summary>
/// What the generated code does when it runs: sources are compiled with the generators, loaded, and their
/// AddAnnotatedFunctions() is run through a real <see cref="FunctionRuntime"/> (construction, injection, disposal).
/// </summary>
public sealed class GeneratedCodeTests
{
    private const string Source = "using System.Buffers;\n" + Sources.Usings + """
        namespace Behaviour;

        public static class Counts
        {
            public static int Created;
            public static int Disposed;
        }

        public interface IPrefix { string Value { get; } }

        [FaaSService(typeof(IPrefix))]
        internal sealed class Prefix : IPrefix { public string Value => "n="; }

        public sealed class PerInvocation : IAsyncDisposable
        {
            private readonly IPrefix _prefix;

            public PerInvocation(IPrefix prefix) { _prefix = prefix; Interlocked.Increment(ref Counts.Created); }

            [FaaSFunction("per-invocation", Lifetime = FunctionLifetime.PerInvocation)]
            public void Handle(FaaSContext context) => context.Output.Write(System.Text.Encoding.UTF8.GetBytes(_prefix.Value + Counts.Created));

            public ValueTask DisposeAsync() { Interlocked.Increment(ref Counts.Disposed); return default; }
        }

        public sealed class Once : IDisposable
        {
            public Once() => Interlocked.Increment(ref Counts.Created);

            [FaaSFunction("once")]
            public async Task HandleAsync(FaaSContext context, CancellationToken cancellationToken)
            {
                await Task.Yield();
                context.Output.Write(System.Text.Encoding.UTF8.GetBytes("c=" + Counts.Created));
            }

            public void Dispose() => Interlocked.Increment(ref Counts.Disposed);
        }
        """;

    [Fact]
    public async Task PerInvocation_TwoInvocations_BuildsAndDisposesTwoInstances()
    {
        (Assembly assembly, Type counts) = Load();
        await using FunctionRuntime runtime = await Started(assembly, "per-invocation");

        string first = await Invoke(runtime);
        string second = await Invoke(runtime);

        Assert.Equal("n=1", first);
        Assert.Equal("n=2", second);
        Assert.Equal(2, Count(counts, "Disposed"));
    }

    [Fact]
    public async Task Singleton_TwoInvocationsThenClose_BuildsOnceAndDisposesAtClose()
    {
        (Assembly assembly, Type counts) = Load();
        await using FunctionRuntime runtime = await Started(assembly, "once");

        await Invoke(runtime);
        string second = await Invoke(runtime);
        int disposedBeforeClose = Count(counts, "Disposed");
        await runtime.CloseAsync("test", TimeSpan.FromSeconds(5));

        Assert.Equal("c=1", second);
        Assert.Equal(0, disposedBeforeClose);
        Assert.Equal(1, Count(counts, "Disposed"));
    }

    /// <summary>Compiles and loads a fresh copy (so its static counters start at zero).</summary>
    private static (Assembly Assembly, Type Counts) Load()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Source);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new FunctionsGenerator());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        Assembly assembly = Assembly.Load(image.ToArray());
        return (assembly, assembly.GetType("Behaviour.Counts", throwOnError: true)!);
    }

    private static int Count(Type counts, string field) => (int)counts.GetField(field)!.GetValue(null)!;

    private static async Task<FunctionRuntime> Started(Assembly assembly, string handler)
    {
        var builder = new FunctionAppBuilder();
        MethodInfo register = assembly.GetType("Runtime.Engine.AnnotatedFunctions", throwOnError: true)!.GetMethod("AddAnnotatedFunctions")!;
        register.Invoke(null, new object[] { builder });
        var runtime = new FunctionRuntime(builder, new FunctionInfo("fn", "$LATEST", 128, handler, "test"), Logger.None, handler,
            explicitHandler: true, environment: static _ => null);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return runtime;
    }

    private static async Task<string> Invoke(FunctionRuntime runtime)
    {
        using var output = new PooledBufferWriter();
        InvocationResult result = await runtime.InvokeAsync(new Invocation { RequestId = "r", Payload = Encoding.UTF8.GetBytes("{}"), Output = output });
        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
