using System.Collections.Generic;
using Runtime.Spec.Model;

namespace Runtime.Spec;

/// <summary>An f.yml that <see cref="SpecReader"/> accepted, with the warnings it raised (shown, not fatal).</summary>
/// <param name="Spec">The parsed, substituted and validated service.</param>
/// <param name="Warnings">Warnings in file order; empty when there are none.</param>
public sealed record SpecReadResult(ServiceSpec Spec, IReadOnlyList<SpecDiagnostic> Warnings);
