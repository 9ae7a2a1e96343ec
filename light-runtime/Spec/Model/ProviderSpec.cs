using System.Collections.Generic;

namespace Runtime.Spec.Model;

/// <summary><c>provider</c>: which cloud, and the settings each function gets unless it sets its own.</summary>
public sealed class ProviderSpec : SpecNode
{
    /// <summary><c>name</c>: the cloud.</summary>
    public required CloudPlatform Name { get; init; }

    /// <summary><c>region</c>, e.g. <c>us-east-1</c>, <c>ap-guangzhou</c>, <c>cn-hangzhou</c>.</summary>
    public string? Region { get; init; }

    /// <summary><c>stage</c>, e.g. <c>dev</c>, <c>prod</c> (default <c>dev</c>).</summary>
    public string Stage { get; init; } = "dev";

    /// <summary><c>memorySize</c> in MB.</summary>
    public int? MemorySize { get; init; }

    /// <summary><c>timeout</c> of one invocation, in seconds.</summary>
    public int? Timeout { get; init; }

    /// <summary><c>initTimeout</c>: the time allowed for the function's start (RuntimeStart + FunctionStart), in seconds.</summary>
    public int? InitTimeout { get; init; }

    /// <summary><c>concurrency</c>: invocations one instance serves at once (FC, SCF, Knative, Azure; AWS is always 1).</summary>
    public int? Concurrency { get; init; }

    /// <summary><c>environment</c>: variables every function gets.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
