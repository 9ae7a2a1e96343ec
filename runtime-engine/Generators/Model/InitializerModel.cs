namespace Runtime.Engine.Generators.Model;

/// <summary>One <c>[FaaSInitializer]</c> attribute on a method, as the emitter needs it, with what is wrong with it.</summary>
/// <param name="Function">The name of the function it initialises.</param>
/// <param name="FunctionLocation">The name argument (where unknown and duplicate names are reported).</param>
/// <param name="Order">Where it is declared (file, then position): the tie-break for duplicates.</param>
/// <param name="Return">What the method returns (<c>ValueTask</c>, <c>Task</c> or <c>void</c>).</param>
/// <param name="ContainingType">The declaring type, fully qualified.</param>
/// <param name="Method">The method's name.</param>
/// <param name="Arguments">Where each parameter comes from.</param>
/// <param name="Diagnostics">What is wrong (errors keep it out of the generated code).</param>
internal sealed record InitializerModel(
    string Function,
    LocationInfo? FunctionLocation,
    string Order,
    ReturnKind Return,
    string ContainingType,
    string Method,
    EquatableArray<Argument> Arguments,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool IsValid => !Diagnostics.HasErrors();
}
