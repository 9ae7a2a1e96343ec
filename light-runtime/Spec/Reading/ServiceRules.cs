using System.Collections.Generic;
using System.Linq;
using Runtime.Spec.Model;
using Runtime.Spec.Rules;

namespace Runtime.Spec.Reading;

/// <summary>
/// The checks that span more than one function, run on a spec whose values each passed their own checks:
/// groups (one group per function, names, handlers, routes, environment, layers), trigger names, unused layers.
/// </summary>
internal static class ServiceRules
{
    public static void Check(ServiceSpec spec, DiagnosticBag bag)
    {
        Groups(spec, bag);
        TriggerNames(spec, bag);
        IReadOnlyList<Deployment> plan = DeploymentPlanner.Plan(spec);
        GatewayRoutes(plan, bag);
        foreach (Deployment deployment in plan)
        {
            Routes(deployment, bag);
            if (deployment.Group is { } group)
            {
                Handlers(group, deployment.Members, bag);
                Environment(spec.Provider, group, deployment.Members, bag);
                Layers(group, deployment, bag);
            }
        }
        foreach (LayerSpec layer in spec.Layers)
        {
            if (!spec.Functions.Any(f => f.Layers.Contains(layer.Name)))
            {
                bag.Warning(layer.Location, $"layer '{layer.Name}' is not used by any function");
            }
        }
    }

    private static void Groups(ServiceSpec spec, DiagnosticBag bag)
    {
        var claimedBy = new Dictionary<string, AggregationGroup>(System.StringComparer.Ordinal);
        foreach (AggregationGroup group in spec.Aggregation)
        {
            foreach (string name in group.Functions)
            {
                if (claimedBy.TryGetValue(name, out AggregationGroup? first))
                {
                    bag.Error(PatternLocation(group, name),
                        $"function '{name}' is already in group '{first.Name}' (at {PatternLocation(first, name)}); a function belongs to at most one group");
                }
                else
                {
                    claimedBy.Add(name, group);
                }
            }
        }
        foreach (AggregationGroup group in spec.Aggregation)
        {
            if (spec.Functions.Any(f => f.Name == group.Name && !claimedBy.ContainsKey(f.Name)))
            {
                bag.Error(group.Location, $"group '{group.Name}' has the name of function '{group.Name}', which is deployed on its own; two deployed functions cannot share a name");
            }
        }
    }

    /// <summary>Where the first pattern of <paramref name="group"/> that brings in <paramref name="function"/> is.</summary>
    private static SpecLocation PatternLocation(AggregationGroup group, string function)
    {
        for (int i = 0; i < group.Patterns.Count; i++)
        {
            if (!group.Patterns[i].StartsWith('!') && Glob.IsMatch(group.Patterns[i], function))
            {
                return group.LocationOf($"functions[{i}]");
            }
        }
        return group.Location;
    }

    private static void TriggerNames(ServiceSpec spec, DiagnosticBag bag)
    {
        var first = new Dictionary<string, (FunctionSpec Function, EventSpec Event)>(System.StringComparer.Ordinal);
        foreach (FunctionSpec function in spec.Functions)
        {
            foreach (EventSpec e in function.Events)
            {
                if (first.TryGetValue(e.TriggerName, out var earlier))
                {
                    bag.Error(e.LocationOf("name"), $"trigger name '{e.TriggerName}' is already used by the {earlier.Event.Kind} event of function '{earlier.Function.Name}' (at {earlier.Event.Location}); trigger names are unique in a service");
                }
                else
                {
                    first.Add(e.TriggerName, (function, e));
                }
            }
        }
    }

    private static void Routes(Deployment deployment, DiagnosticBag bag)
    {
        var seen = new List<(DeployedEvent Event, HttpEvent Http, string Key)>();
        foreach (DeployedEvent deployed in deployment.Events)
        {
            if (deployed.Event is not HttpEvent http || deployed.DeployedPath is not { } path)
            {
                continue;
            }
            string key = HttpPathRules.RouteKey(path);
            foreach ((DeployedEvent other, HttpEvent otherHttp, string otherKey) in seen)
            {
                bool overlap = Overlap(http, otherHttp);
                bool sameFunction = other.Function == deployed.Function;
                // One function may expose one route both as 'http' and 'apigw' (written exactly alike: the manifest
                // then lists it once); anything else matching the same requests is ambiguous.
                bool sameRoute = sameFunction && other.Event.Kind != http.Kind && otherHttp.Path == http.Path
                    && otherHttp.Methods.Order().SequenceEqual(http.Methods.Order());
                if (otherKey == key && overlap && !sameRoute)
                {
                    string where = sameFunction ? "another event of this function" : $"function '{other.Function.Name}'";
                    string scope = deployment.Group is { } group ? $" in group '{group.Name}'" : "";
                    bag.Error(http.LocationOf("path"), $"route '{Methods(http)} {path}'{scope} is already served by {where} (at {other.Event.LocationOf("path")})");
                    break;
                }
            }
            seen.Add((deployed, http, key));
        }
    }

    /// <summary>
    /// <c>apigw</c> routes of different deployments: they share the service's one API gateway, so a route two
    /// deployed functions both claim is ambiguous (within one deployment <see cref="Routes"/> reports it).
    /// </summary>
    private static void GatewayRoutes(IReadOnlyList<Deployment> plan, DiagnosticBag bag)
    {
        var seen = new List<(Deployment Deployment, DeployedEvent Event, HttpEvent Http, string Key)>();
        foreach (Deployment deployment in plan)
        {
            foreach (DeployedEvent deployed in deployment.Events)
            {
                if (deployed.Event is not HttpEvent { ThroughApiGateway: true } http || deployed.DeployedPath is not { } path)
                {
                    continue;
                }
                string key = HttpPathRules.RouteKey(path);
                foreach ((Deployment otherDeployment, DeployedEvent other, HttpEvent otherHttp, string otherKey) in seen)
                {
                    if (otherDeployment != deployment && otherKey == key && Overlap(http, otherHttp))
                    {
                        bag.Error(http.LocationOf("path"),
                            $"API gateway route '{Methods(http)} {path}' is already served by function '{other.Function.Name}' (at {other.Event.LocationOf("path")}); the apigw routes of a service share one gateway");
                        break;
                    }
                }
                seen.Add((deployment, deployed, http, key));
            }
        }
    }

    private static bool Overlap(HttpEvent a, HttpEvent b) =>
        a.Methods.Count == 0 || b.Methods.Count == 0 || a.Methods.Intersect(b.Methods).Any();

    private static string Methods(HttpEvent http) => http.Methods.Count == 0 ? "ANY" : string.Join(',', http.Methods);

    private static void Handlers(AggregationGroup group, IReadOnlyList<FunctionSpec> members, DiagnosticBag bag)
    {
        for (int i = 1; i < members.Count; i++)
        {
            if (members.Take(i).FirstOrDefault(m => m.Handler == members[i].Handler) is { } earlier)
            {
                bag.Error(members[i].LocationOf("handler"),
                    $"functions '{earlier.Name}' and '{members[i].Name}' of group '{group.Name}' have the same handler '{members[i].Handler}'; one process routes to each function by its handler");
            }
        }
    }

    private static void Environment(ProviderSpec provider, AggregationGroup group, IReadOnlyList<FunctionSpec> members, DiagnosticBag bag)
    {
        var first = new Dictionary<string, (string Value, FunctionSpec Member, bool Own)>(System.StringComparer.Ordinal);
        foreach (FunctionSpec member in members)
        {
            var keys = provider.Environment.Keys.Union(member.Environment.Keys);
            foreach (string key in keys)
            {
                bool own = member.Environment.TryGetValue(key, out string? value);
                value ??= provider.Environment[key];
                if (!first.TryGetValue(key, out var earlier))
                {
                    first.Add(key, (value, member, own));
                    continue;
                }
                if (earlier.Value == value)
                {
                    continue;
                }
                // Report at a value the user wrote in a function: this member's own, else the earlier member's
                // override of the provider's value that this member inherits.
                (string hereValue, FunctionSpec here, string otherValue, string other, SpecLocation otherAt) = own
                    ? (value, member, earlier.Value, Origin(earlier.Member, earlier.Own), Where(provider, earlier.Member, earlier.Own, key))
                    : (earlier.Value, earlier.Member, value, Origin(member, own), Where(provider, member, own, key));
                bag.Error(here.LocationOf($"environment.{key}"),
                    $"environment variable '{key}' is '{hereValue}' here but '{otherValue}' for {other} (at {otherAt}); the functions of group '{group.Name}' share one environment");
            }
        }
    }

    private static string Origin(FunctionSpec member, bool own) =>
        own ? $"function '{member.Name}'" : $"function '{member.Name}' (from provider)";

    private static SpecLocation Where(ProviderSpec provider, FunctionSpec member, bool own, string key) =>
        own ? member.LocationOf($"environment.{key}") : provider.LocationOf($"environment.{key}");

    private static void Layers(AggregationGroup group, Deployment deployment, DiagnosticBag bag)
    {
        IReadOnlyList<FunctionSpec> members = deployment.Members;
        bool reported = false;
        for (int i = 1; i < members.Count && !reported; i++)
        {
            IReadOnlyList<string> mine = members[i].Layers;
            for (int j = 0; j < i && !reported; j++)
            {
                IReadOnlyList<string> theirs = members[j].Layers;
                for (int a = 0; a < mine.Count && !reported; a++)
                {
                    for (int b = a + 1; b < mine.Count && !reported; b++)
                    {
                        int x = IndexOf(theirs, mine[a]), y = IndexOf(theirs, mine[b]);
                        if (x >= 0 && y >= 0 && x > y)
                        {
                            bag.Error(members[i].LocationOf($"layers[{b}]"),
                                $"layers '{mine[a]}' and '{mine[b]}' are in the opposite order in function '{members[j].Name}' (at {members[j].LocationOf($"layers[{y}]")}); the functions of group '{group.Name}' run under one stack of layers");
                            reported = true;
                        }
                    }
                }
            }
        }
        if (!reported)
        {
            LayerOrder.Merge(members.Select(m => m.Layers), out bool consistent);
            if (!consistent)
            {
                bag.Error(group.Location, $"the functions of group '{group.Name}' list their layers in orders that cannot be merged into one stack");
                reported = true;
            }
        }
        if (reported)
        {
            return;
        }
        foreach (FunctionSpec member in members)
        {
            foreach (LayerSpec layer in deployment.Layers)
            {
                if (!member.Layers.Contains(layer.Name))
                {
                    bag.Warning(member.LocationOf("layers"), $"function '{member.Name}' also runs under layer '{layer.Name}', which another function of group '{group.Name}' lists");
                }
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }
        return -1;
    }
}
