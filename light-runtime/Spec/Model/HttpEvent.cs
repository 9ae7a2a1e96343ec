using System.Collections.Generic;

namespace Runtime.Spec.Model;

/// <summary>
/// <c>http</c>: the function answers HTTP requests on <see cref="Path"/> (the cloud's HTTP trigger, function URL or
/// service URL). <c>apigw</c> is the same shape routed through the cloud's API gateway (<see cref="ThroughApiGateway"/>).
/// </summary>
public sealed class HttpEvent : EventSpec
{
    /// <inheritdoc />
    public override string Kind => ThroughApiGateway ? "apigw" : "http";

    /// <summary>Whether this is an <c>apigw</c> event.</summary>
    public bool ThroughApiGateway { get; init; }

    /// <summary><c>path</c>: starts with <c>/</c>; <c>{name}</c> is one segment, a trailing <c>{name+}</c> or <c>*</c> the rest (default <c>/*</c>).</summary>
    public required string Path { get; init; }

    /// <summary><c>method</c>: upper-case HTTP methods; empty means any.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];
}
