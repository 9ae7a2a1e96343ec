using System.Collections.Generic;

namespace Runtime.Spec.Model;

/// <summary>
/// One function as the cloud will see it: a lone function of f.yml, or an aggregation group merged into one.
/// Generators write one cloud function per deployment; the package step writes one artifact per deployment.
/// </summary>
public sealed class Deployment
{
    /// <summary>The cloud function's name: the f.yml function's name, or the group's.</summary>
    public required string Name { get; init; }

    /// <summary>The group, when this deployment is one; null for a lone function.</summary>
    public AggregationGroup? Group { get; init; }

    /// <summary>The f.yml functions it serves (one for a lone function), in file order.</summary>
    public required IReadOnlyList<FunctionSpec> Members { get; init; }

    /// <summary>Memory in MB after inheritance (function, then group, then provider, then the cloud's default: null).</summary>
    public int? MemorySize { get; init; }

    /// <summary>Invocation timeout in seconds after inheritance, or null for the cloud's default.</summary>
    public int? Timeout { get; init; }

    /// <summary>Start timeout in seconds after inheritance, or null for the cloud's default.</summary>
    public int? InitTimeout { get; init; }

    /// <summary>Instance concurrency after inheritance, or null for the cloud's default.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Environment: the provider's, then the members' (a key two members set differently is a validation error).</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Layers of the deployment, outermost first (members must agree on their order).</summary>
    public required IReadOnlyList<LayerSpec> Layers { get; init; }

    /// <summary>Every member's events, each paired with its function, HTTP paths with the group's prefix applied.</summary>
    public required IReadOnlyList<DeployedEvent> Events { get; init; }

    /// <summary>The <c>FAAS_HANDLER</c> the deployed bootstrap gets: the member's handler for a lone function; null for a group (the run-time manifest routes).</summary>
    public string? Handler => Group is null ? Members[0].Handler : null;
}

/// <summary>An event of a deployment: the trigger, the f.yml function it reaches, and its path as deployed (prefix applied).</summary>
public sealed record DeployedEvent(FunctionSpec Function, EventSpec Event, string? DeployedPath);
