using System.Collections.Generic;
using System.Linq;
using Runtime.Spec.Model;
using Runtime.Spec.Rules;

namespace Runtime.Spec;

/// <summary>
/// Turns a validated <see cref="ServiceSpec"/> into the functions the cloud will see: one <see cref="Deployment"/>
/// per aggregation group (its members merged) and one per function no group claims.
/// </summary>
public static class DeploymentPlanner
{
    /// <summary>
    /// The deployments of <paramref name="spec"/>, in f.yml function order (a group where its first member is).
    /// Settings inherit function, then group, then provider: a lone function takes its own value, else the
    /// provider's; a group takes its own, else the largest of its members' values (the smallest for concurrency,
    /// and each member's value is its own or the provider's). Expects a spec <see cref="SpecReader"/> accepted:
    /// the conflicts it rejects (environment, layer order) are resolved here first-member-wins.
    /// </summary>
    public static IReadOnlyList<Deployment> Plan(ServiceSpec spec)
    {
        var groupOf = new Dictionary<string, AggregationGroup>(System.StringComparer.Ordinal);
        foreach (AggregationGroup group in spec.Aggregation)
        {
            foreach (string name in group.Functions)
            {
                groupOf.TryAdd(name, group);
            }
        }
        var deployments = new List<Deployment>();
        var planned = new HashSet<AggregationGroup>();
        foreach (FunctionSpec function in spec.Functions)
        {
            if (!groupOf.TryGetValue(function.Name, out AggregationGroup? group))
            {
                deployments.Add(Alone(spec, function));
            }
            else if (planned.Add(group))
            {
                FunctionSpec[] members = spec.Functions.Where(f => groupOf.GetValueOrDefault(f.Name) == group).ToArray();
                deployments.Add(Merged(spec, group, members));
            }
        }
        return deployments;
    }

    private static Deployment Alone(ServiceSpec spec, FunctionSpec function)
    {
        ProviderSpec provider = spec.Provider;
        return new Deployment
        {
            Name = function.Name,
            Members = [function],
            MemorySize = function.MemorySize ?? provider.MemorySize,
            Timeout = function.Timeout ?? provider.Timeout,
            InitTimeout = function.InitTimeout ?? provider.InitTimeout,
            Concurrency = function.Concurrency ?? provider.Concurrency,
            Environment = Environment(provider, [function]),
            Layers = Resolve(spec, function.Layers),
            Events = Events("", [function]),
        };
    }

    private static Deployment Merged(ServiceSpec spec, AggregationGroup group, FunctionSpec[] members)
    {
        ProviderSpec provider = spec.Provider;
        return new Deployment
        {
            Name = group.Name,
            Group = group,
            Members = members,
            MemorySize = group.MemorySize ?? Largest(members.Select(f => f.MemorySize ?? provider.MemorySize)),
            Timeout = group.Timeout ?? Largest(members.Select(f => f.Timeout ?? provider.Timeout)),
            InitTimeout = Largest(members.Select(f => f.InitTimeout ?? provider.InitTimeout)),
            Concurrency = group.Concurrency ?? members.Select(f => f.Concurrency ?? provider.Concurrency).Min(),
            Environment = Environment(provider, members),
            Layers = Resolve(spec, LayerOrder.Merge(members.Select(m => m.Layers), out _)),
            Events = Events(group.Prefix, members),
        };
    }

    private static int? Largest(IEnumerable<int?> values) => values.Max();

    /// <summary>The provider's variables, then each member's own (the first member wins a key set twice).</summary>
    private static Dictionary<string, string> Environment(ProviderSpec provider, IEnumerable<FunctionSpec> members)
    {
        var environment = new Dictionary<string, string>(provider.Environment, System.StringComparer.Ordinal);
        var setByMember = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (FunctionSpec member in members)
        {
            foreach ((string key, string value) in member.Environment)
            {
                if (setByMember.Add(key))
                {
                    environment[key] = value;
                }
            }
        }
        return environment;
    }

    private static LayerSpec[] Resolve(ServiceSpec spec, IEnumerable<string> names) =>
        names.Select(n => spec.Layers.First(l => l.Name == n)).ToArray();

    private static DeployedEvent[] Events(string prefix, IEnumerable<FunctionSpec> members) =>
        members.SelectMany(m => m.Events.Select(e => new DeployedEvent(m, e,
            e is HttpEvent http ? HttpPathRules.Deployed(prefix, http.Path) : null))).ToArray();
}
