using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Engine.Functions;
using Runtime.Engine.Functions.Aggregation;
using Runtime.Engine.Http;
using Serilog;
using Serilog.Core;

namespace Runtime.Micro;

/// <summary>
/// What routing adds to one invocation in an aggregated instance with 50 routes (the bar: at most 2 µs p50). The
/// table is ten resources with five routes each (exact, parameterised, greedy) under <c>/api</c>; the requests hit an
/// early exact route, the last parameterised and wildcard routes (the worst cases: every earlier route is tried), and
/// no route. <c>InvokeSingle</c> vs <c>InvokeAggregated</c> is the same engine invoke with and without the router, the
/// request decoded by a codec that hands out one prepared request (so decoding costs nothing in either).
/// <c>dotnet run -c Release --project bench/Micro -- --filter '*RouteMatch*'</c>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RouteMatchBenchmarks
{
    private static readonly string[] s_resources = { "users", "orders", "products", "carts", "payments", "invoices", "shipments", "reviews", "coupons", "stores" };

    private readonly Dictionary<string, string> _parameters = new(StringComparer.Ordinal);
    private readonly PooledBufferWriter _output = new();
    private RouteTable _table = null!;
    private FunctionRuntime _single = null!;
    private FunctionRuntime _aggregated = null!;
    private OneRequestCodec _codec = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var functions = new List<AggregatedFunction>();
        var builder = new FunctionAppBuilder();
        foreach (string resource in s_resources)
        {
            functions.Add(new AggregatedFunction(resource, new[]
            {
                new HttpRouteSpec($"/{resource}", new[] { "GET", "POST" }),
                new HttpRouteSpec($"/{resource}/search", new[] { "GET" }),
                new HttpRouteSpec($"/{resource}/{{id}}", new[] { "GET", "PUT", "DELETE" }),
                new HttpRouteSpec($"/{resource}/{{id}}/items/{{itemId}}", new[] { "GET" }),
                new HttpRouteSpec($"/{resource}/{{id}}/files/{{path+}}", new[] { "GET" }),
            }, new[] { resource + "-timer-0" }));
            builder.Functions.AddHttp(resource, static (ctx, req, res) => default);
        }
        var manifest = new AggregationManifest(1, "bench", "api", "/api", functions);
        _table = AggregationPlan.Build(manifest, builder.Functions).Routes;
        if (_table.Entries.Count != 50)
        {
            throw new InvalidOperationException($"Expected 50 routes, got {_table.Entries.Count}.");
        }

        Logger logger = new LoggerConfiguration().CreateLogger();
        var info = new FunctionInfo("bench", "$LATEST", 128, null, "bench");
        builder.Aggregation = manifest;
        _aggregated = await Start(builder, info, logger, null);
        var single = new FunctionAppBuilder();
        single.Functions.AddHttp("stores", static (ctx, req, res) => default);
        _single = await Start(single, info, logger, "stores");
        _codec = new OneRequestCodec(new FaaSRequest("bench", "GET", "/api/stores/42/items/7"));
    }

    [Benchmark]
    public bool ExactEarly() => _table.Match("GET", "/api/users", out _) == RouteOutcome.Matched;

    [Benchmark]
    public int ParameterisedLast() => MatchAndFill("GET", "/api/stores/42/items/7");

    [Benchmark]
    public int WildcardLast() => MatchAndFill("GET", "/api/stores/42/files/2026/11/report.pdf");

    [Benchmark]
    public bool NotFound() => _table.Match("GET", "/api/nothing/here/at/all", out _) == RouteOutcome.NotFound;

    [Benchmark(Baseline = true)]
    public ValueTask<InvocationResult> InvokeSingle() => Invoke(_single);

    [Benchmark]
    public ValueTask<InvocationResult> InvokeAggregated() => Invoke(_aggregated);

    private int MatchAndFill(string method, string path)
    {
        if (_table.Match(method, path, out RouteEntry? entry) != RouteOutcome.Matched)
        {
            throw new InvalidOperationException("No match for " + path);
        }
        _parameters.Clear();
        _table.Fill(entry!, path, _parameters);
        return _parameters.Count;
    }

    private ValueTask<InvocationResult> Invoke(FunctionRuntime runtime)
    {
        _output.Reset();
        return runtime.InvokeAsync(new Invocation { RequestId = "8476a536-e9f4-11e8-9739-2dfe598c3fcd", Output = _output, HttpCodec = _codec });
    }

    private static async Task<FunctionRuntime> Start(FunctionAppBuilder builder, FunctionInfo info, ILogger logger, string? handler)
    {
        var runtime = new FunctionRuntime(builder, info, logger, handler, handler is not null);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return runtime;
    }

    /// <summary>Hands out one prepared request and encodes nothing, so the benchmark sees only the engine and the router.</summary>
    private sealed class OneRequestCodec : IHttpEventCodec
    {
        private readonly FaaSRequest _request;

        public OneRequestCodec(FaaSRequest request) => _request = request;

        public bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request)
        {
            request = _request;
            return true;
        }

        public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output) => "text/plain";
    }
}
