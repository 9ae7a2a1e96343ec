using System;
using System.Collections.Generic;
using Runtime.Engine.Functions;
using Runtime.Engine.Functions.Aggregation;

namespace Runtime.Engine.Tests.Aggregation;

/// <summary>Builds manifests and compiled route tables for the aggregation tests.</summary>
internal static class Routes
{
    /// <summary>A route of function <paramref name="function"/>: <c>("a", "/x/{id}", "GET")</c>; no methods = any.</summary>
    public static (string Function, string Path, string[] Methods) Of(string function, string path, params string[] methods) => (function, path, methods);

    public static AggregationManifest Manifest(string? prefix, params (string Function, string Path, string[] Methods)[] routes) =>
        Manifest(prefix, routes, Array.Empty<(string, string)>());

    public static AggregationManifest Manifest(string? prefix, (string Function, string Path, string[] Methods)[] routes,
        (string Function, string Trigger)[] triggers, params string[] moreFunctions)
    {
        var order = new List<string>();
        var http = new Dictionary<string, List<HttpRouteSpec>>();
        var names = new Dictionary<string, List<string>>();
        void Ensure(string function)
        {
            if (!http.ContainsKey(function))
            {
                order.Add(function);
                http[function] = new List<HttpRouteSpec>();
                names[function] = new List<string>();
            }
        }
        foreach ((string function, string path, string[] methods) in routes)
        {
            Ensure(function);
            http[function].Add(new HttpRouteSpec(path, methods));
        }
        foreach ((string function, string trigger) in triggers)
        {
            Ensure(function);
            names[function].Add(trigger);
        }
        foreach (string function in moreFunctions)
        {
            Ensure(function);
        }
        var functions = new List<AggregatedFunction>();
        foreach (string function in order)
        {
            functions.Add(new AggregatedFunction(function, http[function], names[function]));
        }
        return new AggregationManifest(1, "shop", "api", prefix, functions);
    }

    public static FunctionRegistry Registry(AggregationManifest manifest)
    {
        var registry = new FunctionRegistry();
        foreach (AggregatedFunction function in manifest.Functions)
        {
            if (registry.Find(function.Name) is null)
            {
                registry.AddRaw(function.Name, _ => default);
            }
        }
        return registry;
    }

    public static RouteTable Table(string? prefix, params (string Function, string Path, string[] Methods)[] routes)
    {
        AggregationManifest manifest = Manifest(prefix, routes);
        return AggregationPlan.Build(manifest, Registry(manifest)).Routes;
    }
}
