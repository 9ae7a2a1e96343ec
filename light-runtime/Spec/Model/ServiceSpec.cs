using System.Collections.Generic;

namespace Runtime.Spec.Model;

/// <summary>A whole f.yml, parsed, with <c>${env.NAME}</c> substituted and validated against the f.yml schema.</summary>
public sealed class ServiceSpec : SpecNode
{
    /// <summary>The file it was read from, as given (used in every message).</summary>
    public required string SourcePath { get; init; }

    /// <summary><c>service</c>: the service name (lower-case letters, digits and hyphens, starting with a letter).</summary>
    public required string Service { get; init; }

    /// <summary><c>provider</c>: the target cloud and the defaults every function inherits.</summary>
    public required ProviderSpec Provider { get; init; }

    /// <summary><c>functions</c>, in file order.</summary>
    public required IReadOnlyList<FunctionSpec> Functions { get; init; }

    /// <summary><c>layers</c>, in file order.</summary>
    public IReadOnlyList<LayerSpec> Layers { get; init; } = [];

    /// <summary><c>aggregation</c> groups, in file order, with their patterns resolved to function names.</summary>
    public IReadOnlyList<AggregationGroup> Aggregation { get; init; } = [];
}
