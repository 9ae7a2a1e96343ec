namespace Runtime.Engine.Generators.Model;

/// <summary>One class declared with <c>[FaaSService]</c>, as the emitter needs it, with what is wrong with it.</summary>
/// <param name="Order">Where it is declared (file, then position): registrations follow it.</param>
/// <param name="ServiceType">The type it is registered as, fully qualified.</param>
/// <param name="Lifetime">The <c>ServiceLifetime</c> member name: Singleton, Scoped or Transient.</param>
/// <param name="Construction">How to build it.</param>
/// <param name="Diagnostics">What is wrong (errors keep it out of the generated code).</param>
internal sealed record ServiceModel(
    string Order,
    string ServiceType,
    string Lifetime,
    Construction Construction,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool IsValid => !Diagnostics.HasErrors();
}
