using Xunit;

namespace Runtime.Engine.Generators.Tests;

/// <summary>
/// What the generator writes for each supported shape, compared with golden files; each output must also compile,
/// with the System.Text.Json generator, without a warning.
/// </summary>
public sealed class GeneratorGoldenTests
{
    [Fact]
    public void Generate_StaticShapes_MatchesGolden()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.JsonContext, Sources.Usings + """
            namespace App;

            public static class Functions
            {
                [FaaSFunction("raw")]
                public static ValueTask Raw(FaaSContext context) => default;

                [FaaSFunction("raw-void")]
                public static void RawVoid(FaaSContext context, CancellationToken cancellationToken) { }

                [FaaSFunction("web")]
                public static Task Web(FaaSContext context, FaaSRequest request, FaaSResponse response) => Task.CompletedTask;

                [FaaSFunction("orders", Json = typeof(AppJson))]
                public static ValueTask<Receipt> Orders(FaaSContext context, Order order) => new(new Receipt(order.Id, order.Quantity));

                [FaaSFunction("orders-task", Json = typeof(AppJson))]
                public static Task<Receipt> OrdersTask(FaaSContext context, Order order, CancellationToken cancellationToken) =>
                    Task.FromResult(new Receipt(order.Id, 1));

                [FaaSFunction("sync", Json = typeof(AppJson))]
                public static int[] Sync(FaaSContext context, System.Collections.Generic.List<Order> orders) => new[] { orders.Count };

                [FaaSFunction("ping", Json = typeof(AppJson))]
                public static void Ping(FaaSContext context, Ping ping) { }

                [FaaSFunction("keyword \"quoted\"")]
                public static ValueTask @event(FaaSContext context) => default;

                [FaaSFunction("ping-async", Json = typeof(AppJson))]
                internal static async Task PingAsync(FaaSContext context, Ping ping, CancellationToken cancellationToken) =>
                    await Task.Delay(0, cancellationToken);
            }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.True(run.CompilationProblems.Count == 0, run.Problems);
        Golden.Match("StaticShapes.g.cs.txt", run.Generated);
    }

    [Fact]
    public void Generate_InstanceShapes_MatchesGolden()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.JsonContext, Sources.Usings + """
            namespace App;

            public interface IClock { DateTimeOffset Now { get; } }

            public interface ICache { }

            public sealed class Web
            {
                private readonly IClock _clock;

                public Web(IClock clock, IServiceProvider services, ICache? cache = null) => _clock = clock;

                [FaaSFunction("web")]
                public ValueTask Handle(FaaSContext context, FaaSRequest request, FaaSResponse response) => default;
            }

            internal sealed class Orders : IAsyncDisposable, IDisposable
            {
                public Orders(IClock clock) { }

                [FaaSFunction("orders", Json = typeof(AppJson), Lifetime = FunctionLifetime.PerInvocation)]
                public async Task<Receipt> PlaceAsync(FaaSContext context, Order order, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return new Receipt(order.Id, order.Quantity);
                }

                public ValueTask DisposeAsync() => default;

                public void Dispose() { }
            }

            public sealed class Pings : IDisposable
            {
                [FaaSFunction("ping", Json = typeof(AppJson))]
                public void Ping(FaaSContext context, Ping ping) { }

                [FaaSFunction("raw")]
                public Task RawAsync(FaaSContext context) => Task.CompletedTask;

                void IDisposable.Dispose() { }
            }

            public sealed class Counter
            {
                public Counter() { }

                [ActivatorUtilitiesConstructor]
                public Counter(IClock clock) { }

                [FaaSFunction("count", Lifetime = FunctionLifetime.PerInvocation)]
                public void Count(FaaSContext context) { }
            }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.True(run.CompilationProblems.Count == 0, run.Problems);
        Golden.Match("InstanceShapes.g.cs.txt", run.Generated);
    }

    [Fact]
    public void Generate_ServicesAndInitializers_MatchesGolden()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.Usings + """
            namespace App;

            public interface IStore { }

            [FaaSService(typeof(IStore))]
            internal sealed class Store : IStore
            {
                public Store(FunctionInfo function, IServiceProvider services) { }
            }

            [FaaSService(Lifetime = ServiceLifetime.Scoped)]
            public sealed class UnitOfWork
            {
                public UnitOfWork(IStore store) { }
            }

            [FaaSService(typeof(object), Lifetime = ServiceLifetime.Transient)]
            public sealed class Anything { }

            public static class Functions
            {
                [FaaSFunction("first")]
                public static ValueTask First(FaaSContext context) => default;

                [FaaSFunction("second")]
                public static ValueTask Second(FaaSContext context) => default;

                [FaaSInitializer("first")]
                public static Task WarmAsync(IStore store, CancellationToken cancellationToken) => Task.CompletedTask;

                [FaaSInitializer("second")]
                public static ValueTask WarmSecond(IServiceProvider services, UnitOfWork? optional = null) => default;
            }

            public static class More
            {
                [FaaSFunction("third")]
                public static ValueTask Third(FaaSContext context) => default;

                [FaaSInitializer("third")]
                public static void Check() { }
            }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.True(run.CompilationProblems.Count == 0, run.Problems);
        Golden.Match("ServicesAndInitializers.g.cs.txt", run.Generated);
    }

    [Fact]
    public void Generate_NoAttributes_WritesNothing()
    {
        GeneratorRun run = GeneratorHarness.Run(Sources.JsonContext);

        Assert.Null(run.Generated);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Generate_FunctionsInSeveralFiles_RegistersInFileOrder()
    {
        GeneratorRun run = GeneratorHarness.Run(
            Sources.Usings + "namespace App; public static class B { [FaaSFunction(\"b\")] public static ValueTask F(FaaSContext c) => default; [FaaSFunction(\"a\")] public static ValueTask G(FaaSContext c) => default; }",
            Sources.Usings + "namespace App; public static class A { [FaaSFunction(\"c\")] public static ValueTask F(FaaSContext c) => default; }");

        Assert.True(run.CompilationProblems.Count == 0, run.Problems);
        int b = run.Generated!.IndexOf("AddRaw(\"b\"", System.StringComparison.Ordinal);
        int a = run.Generated.IndexOf("AddRaw(\"a\"", System.StringComparison.Ordinal);
        int c = run.Generated.IndexOf("AddRaw(\"c\"", System.StringComparison.Ordinal);
        Assert.True(b >= 0 && b < a && a < c, run.Generated);
    }
}
