using System;
using System.Collections.Generic;

namespace Runtime.Engine.Functions.Aggregation;

/// <summary>
/// Several registered functions served by one deployed function and one process (set in <c>f.yml</c>, written by the
/// package step as <c>faas-manifest.json</c> and read by the host). HTTP requests route by method and path (see
/// <see cref="HttpRouteSpec"/>); other events route by the name of the trigger that sent them. Give it to the runtime
/// through <see cref="FunctionAppBuilder.Aggregation"/> (the bootstrap reads <c>faas-manifest.json</c> with
/// <see cref="AggregationManifestReader"/>); without one, or with one function, the handler name picks one function as before.
/// </summary>
public sealed class AggregationManifest
{
    /// <summary>The manifest version this runtime reads.</summary>
    public const int SupportedVersion = 1;

    /// <summary>Creates the manifest; <see cref="Validate"/> (and FunctionStart) check it against the registered functions.</summary>
    public AggregationManifest(int version, string? service, string? group, string? prefix, IReadOnlyList<AggregatedFunction> functions,
        string? source = null)
    {
        Version = version;
        Source = source;
        Service = service;
        Group = group;
        Prefix = prefix;
        Functions = functions ?? throw new ArgumentNullException(nameof(functions));
    }

    /// <summary>Where the manifest was read from (a file path), for messages; null when built in code.</summary>
    public string? Source { get; }

    /// <summary>The manifest format's version (<see cref="SupportedVersion"/>).</summary>
    public int Version { get; }

    /// <summary>The service (the <c>f.yml</c> project), for logs.</summary>
    public string? Service { get; }

    /// <summary>The aggregation group's name, for logs.</summary>
    public string? Group { get; }

    /// <summary>
    /// The path every route of the group sits under (for example <c>/api</c>), stripped before matching; a request
    /// outside it matches no route. Null or empty: none.
    /// </summary>
    public string? Prefix { get; }

    /// <summary>The group's functions, in declaration order (which breaks ties between equally specific routes).</summary>
    public IReadOnlyList<AggregatedFunction> Functions { get; }

    /// <summary>
    /// Checks the manifest against <paramref name="registry"/>: version, every function registered, route templates,
    /// no duplicate routes, functions or triggers. Throws <see cref="AggregationException"/> saying what is wrong.
    /// </summary>
    public void Validate(FunctionRegistry registry) => AggregationPlan.Build(this, registry);
}
