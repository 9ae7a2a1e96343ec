namespace Runtime.Engine.Functions.Aggregation;

/// <summary>What one segment of a route template matches.</summary>
internal enum RouteSegmentKind
{
    /// <summary>Exactly its text (case-sensitive).</summary>
    Literal,

    /// <summary>Any one non-empty segment (<c>{name}</c>).</summary>
    Parameter,

    /// <summary>The rest of the path, one or more segments (<c>{name+}</c>); last only.</summary>
    Greedy,

    /// <summary>The rest of the path, zero or more segments, captured nowhere (<c>*</c>); last only.</summary>
    Wildcard,
}
