using System;
using System.Collections.Generic;

namespace Runtime.Engine.Functions.Aggregation;

/// <summary>One function of an aggregation group: its registered name, its HTTP routes and its other triggers' names.</summary>
public sealed class AggregatedFunction
{
    /// <summary>Creates the entry.</summary>
    public AggregatedFunction(string name, IReadOnlyList<HttpRouteSpec> http, IReadOnlyList<string> triggers)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Http = http ?? throw new ArgumentNullException(nameof(http));
        Triggers = triggers ?? throw new ArgumentNullException(nameof(triggers));
    }

    /// <summary>The name the function is registered under in the binary.</summary>
    public string Name { get; }

    /// <summary>The HTTP routes that reach it (none for a function without HTTP triggers).</summary>
    public IReadOnlyList<HttpRouteSpec> Http { get; }

    /// <summary>The names of its non-HTTP triggers (timers, object storage, queues...) as the platform reports them.</summary>
    public IReadOnlyList<string> Triggers { get; }
}
