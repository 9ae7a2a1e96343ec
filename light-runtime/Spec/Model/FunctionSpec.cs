using System.Collections.Generic;

namespace Runtime.Spec.Model;

/// <summary>One entry of <c>functions</c>: a function registered in the bootstrap under <see cref="Handler"/>.</summary>
public sealed class FunctionSpec : SpecNode
{
    /// <summary>The key of the entry: the function's name in f.yml and, deployed alone, on the cloud.</summary>
    public required string Name { get; init; }

    /// <summary><c>handler</c>: the name the function is registered under in the bootstrap (default: <see cref="Name"/>).</summary>
    public required string Handler { get; init; }

    /// <summary><c>memorySize</c> in MB; null inherits <see cref="ProviderSpec.MemorySize"/>.</summary>
    public int? MemorySize { get; init; }

    /// <summary><c>timeout</c> in seconds; null inherits the provider's.</summary>
    public int? Timeout { get; init; }

    /// <summary><c>initTimeout</c> in seconds; null inherits the provider's.</summary>
    public int? InitTimeout { get; init; }

    /// <summary><c>concurrency</c>; null inherits the provider's.</summary>
    public int? Concurrency { get; init; }

    /// <summary><c>environment</c>: this function's own variables, over the provider's.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary><c>layers</c>: names of entries in the service's <c>layers</c>, outermost first.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary><c>events</c>: the triggers, in file order.</summary>
    public IReadOnlyList<EventSpec> Events { get; init; } = [];
}
