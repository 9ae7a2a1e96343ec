using System;
using System.Collections.Generic;

namespace Runtime.Engine.Functions.Aggregation;

/// <summary>
/// One HTTP route of an aggregated function: a path template below the group's prefix and the methods it takes.
/// Templates: literal segments (<c>/users/me</c>), whole-segment parameters (<c>/users/{id}</c>), and a last greedy
/// segment, <c>{name+}</c> (one or more segments, as API Gateway's <c>{proxy+}</c>) or <c>*</c> (zero or more, captured
/// nowhere). Matching is case-sensitive, ignores one trailing slash, and runs on the raw (percent-encoded) path where
/// the trigger keeps it; parameter values are decoded.
/// </summary>
public sealed class HttpRouteSpec
{
    /// <summary>Creates the route; <paramref name="methods"/> empty or <c>ANY</c> means any method.</summary>
    public HttpRouteSpec(string path, IReadOnlyList<string> methods)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Methods = methods ?? throw new ArgumentNullException(nameof(methods));
    }

    /// <summary>The path template, starting with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>The methods (case-insensitive); empty or containing <c>ANY</c> means any.</summary>
    public IReadOnlyList<string> Methods { get; }
}
