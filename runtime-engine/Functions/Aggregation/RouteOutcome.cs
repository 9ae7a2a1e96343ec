namespace Runtime.Engine.Functions.Aggregation;

/// <summary>How matching a request against the route table ended.</summary>
internal enum RouteOutcome
{
    /// <summary>A route takes this method and path.</summary>
    Matched,

    /// <summary>No route's path matches (or the path is outside the group's prefix): a 404.</summary>
    NotFound,

    /// <summary>Some route's path matches, but none takes the method: a 405 with <c>Allow</c>.</summary>
    MethodNotAllowed,
}
