using System.Collections.Generic;
using Runtime.Spec.Model;

namespace Runtime.Spec.Generators;

/// <summary>
/// Turns a validated f.yml and its deployments (lone functions and merged aggregation groups, as the planner made them)
/// into one cloud's own deployment files. Never throws for anything in the spec: what the cloud cannot express becomes a
/// <see cref="SpecDiagnostic"/> at the f.yml position of the field.
/// </summary>
internal interface ISpecGenerator
{
    /// <summary>The cloud this generator writes for.</summary>
    CloudPlatform Platform { get; }

    /// <summary>Writes the files for <paramref name="deployments"/> of <paramref name="spec"/>.</summary>
    GeneratedFiles Generate(ServiceSpec spec, IReadOnlyList<Deployment> deployments, GenerateOptions options);
}
