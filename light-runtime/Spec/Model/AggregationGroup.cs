using System.Collections.Generic;

namespace Runtime.Spec.Model;

/// <summary>
/// One entry of <c>aggregation</c>: several functions deployed as one cloud function and served by one process.
/// A function belongs to at most one group; one that no group claims is deployed alone.
/// </summary>
public sealed class AggregationGroup : SpecNode
{
    /// <summary>The key of the entry: the deployed function's name.</summary>
    public required string Name { get; init; }

    /// <summary><c>functions</c>: names or glob patterns (<c>*</c>, <c>?</c>) over function names, as written.</summary>
    public required IReadOnlyList<string> Patterns { get; init; }

    /// <summary>The functions the patterns matched, in f.yml's function order.</summary>
    public required IReadOnlyList<string> Functions { get; init; }

    /// <summary><c>prefix</c>: a path prefix for every HTTP route of the group (e.g. <c>/api</c>); empty for none.</summary>
    public string Prefix { get; init; } = "";

    /// <summary><c>memorySize</c>, <c>timeout</c>, <c>concurrency</c> of the merged function; null takes the largest of its members' (smallest for concurrency).</summary>
    public int? MemorySize { get; init; }

    /// <summary>Timeout of the merged function in seconds, or null for the largest of its members'.</summary>
    public int? Timeout { get; init; }

    /// <summary>Concurrency of the merged function, or null for the smallest of its members'.</summary>
    public int? Concurrency { get; init; }
}
