namespace Runtime.Engine.Functions.Aggregation;

/// <summary>The precedence class of a route template: exact routes are tried first, then parameterised, then wildcards.</summary>
internal enum RouteClass
{
    /// <summary>Every segment literal.</summary>
    Exact = 0,

    /// <summary>At least one <c>{name}</c> segment, no greedy end.</summary>
    Parameterised = 1,

    /// <summary>Ends in <c>{name+}</c> or <c>*</c>.</summary>
    Wildcard = 2,
}
