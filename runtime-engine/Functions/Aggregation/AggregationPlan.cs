using System;
using System.Collections.Generic;

namespace Runtime.Engine.Functions.Aggregation;

/// <summary>
/// A manifest checked against the registered functions and compiled for run time: the functions by index, the route
/// table and the trigger names. Built once, at FunctionStart (or by <see cref="AggregationManifest.Validate"/>).
/// </summary>
internal sealed class AggregationPlan
{
    private AggregationPlan(FunctionDescriptor[] functions, RouteTable routes, Dictionary<string, int> triggers)
    {
        Functions = functions;
        Routes = routes;
        Triggers = triggers;
    }

    /// <summary>The group's functions, in manifest order; a route's <see cref="RouteEntry.Target"/> indexes it.</summary>
    public FunctionDescriptor[] Functions { get; }

    public RouteTable Routes { get; }

    /// <summary>Trigger name to function index.</summary>
    public Dictionary<string, int> Triggers { get; }

    /// <summary>Checks <paramref name="manifest"/> against <paramref name="registry"/>; throws <see cref="AggregationException"/> on the first problem.</summary>
    public static AggregationPlan Build(AggregationManifest manifest, FunctionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(registry);
        string where = manifest.Source is null ? "The aggregation manifest" : $"Aggregation manifest {manifest.Source}";
        if (manifest.Version != AggregationManifest.SupportedVersion)
        {
            throw new AggregationException(
                $"{where} has version {manifest.Version}; this runtime reads version {AggregationManifest.SupportedVersion}.");
        }
        if (manifest.Functions.Count == 0)
        {
            throw new AggregationException($"{where} lists no functions.");
        }
        if (!RouteTemplate.TryParsePrefix(manifest.Prefix, out string prefix, out string? prefixProblem))
        {
            throw new AggregationException($"{where}: prefix '{manifest.Prefix}' is not a path prefix: {prefixProblem}.");
        }

        var functions = new FunctionDescriptor[manifest.Functions.Count];
        var entries = new List<RouteEntry>();
        var triggers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int f = 0; f < manifest.Functions.Count; f++)
        {
            AggregatedFunction function = manifest.Functions[f];
            FunctionDescriptor descriptor = registry.Find(function.Name) ?? throw new AggregationException(
                $"{where} lists function '{function.Name}', which this binary does not register. Registered: {Names(registry)}.");
            for (int previous = 0; previous < f; previous++)
            {
                if (ReferenceEquals(functions[previous], descriptor))
                {
                    throw new AggregationException($"{where} lists function '{function.Name}' twice.");
                }
            }
            functions[f] = descriptor;

            for (int r = 0; r < function.Http.Count; r++)
            {
                HttpRouteSpec route = function.Http[r];
                if (!RouteTemplate.TryParse(route.Path, out RouteTemplate? template, out string? problem))
                {
                    throw new AggregationException(
                        $"{where}: function '{function.Name}' has route '{route.Path}', which is not a route template: {problem}.");
                }
                var entry = new RouteEntry(template, Methods(route, function.Name, where), f, function.Name, entries.Count);
                foreach (RouteEntry other in entries)
                {
                    if (string.Equals(other.Template.Shape, template.Shape, StringComparison.Ordinal) && other.Overlaps(entry))
                    {
                        throw new AggregationException(
                            $"{where}: route '{entry}' of function '{function.Name}' matches the same requests as route '{other}' of function '{other.FunctionName}'.");
                    }
                }
                entries.Add(entry);
            }

            foreach (string trigger in function.Triggers)
            {
                if (string.IsNullOrEmpty(trigger))
                {
                    throw new AggregationException($"{where}: function '{function.Name}' has an empty trigger name.");
                }
                if (triggers.TryGetValue(trigger, out int owner))
                {
                    throw new AggregationException(
                        $"{where}: trigger '{trigger}' is listed for both '{manifest.Functions[owner].Name}' and '{function.Name}'.");
                }
                triggers.Add(trigger, f);
            }
        }
        return new AggregationPlan(functions, new RouteTable(entries, prefix), triggers);
    }

    /// <summary>Upper-case methods, or null for any (none listed, or <c>ANY</c> / <c>*</c> among them).</summary>
    private static string[]? Methods(HttpRouteSpec route, string function, string where)
    {
        if (route.Methods.Count == 0)
        {
            return null;
        }
        var methods = new List<string>(route.Methods.Count);
        foreach (string method in route.Methods)
        {
            string upper = method.Trim().ToUpperInvariant();
            if (upper is "ANY" or "*")
            {
                return null;
            }
            if (upper.Length == 0 || !IsToken(upper))
            {
                throw new AggregationException($"{where}: function '{function}' route '{route.Path}' has method '{method}', which is not an HTTP method.");
            }
            if (!methods.Contains(upper))
            {
                methods.Add(upper);
            }
        }
        return methods.ToArray();
    }

    private static bool IsToken(string method)
    {
        foreach (char c in method)
        {
            if (!char.IsAsciiLetterUpper(c) && c != '-' && c != '_')
            {
                return false;
            }
        }
        return true;
    }

    private static string Names(FunctionRegistry registry)
    {
        var names = new List<string>(registry.All.Count);
        foreach (FunctionDescriptor function in registry.All)
        {
            names.Add("'" + function.Name + "'");
        }
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
