namespace Runtime.Engine.Generators.Model;

/// <summary>One method declared with <c>[FaaSFunction]</c>, as the emitter needs it, with what is wrong with it.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="NameLocation">The name argument (where duplicates are reported).</param>
/// <param name="Order">Where it is declared (file, then position): the tie-break for duplicates.</param>
/// <param name="Kind">Which registry method it maps onto.</param>
/// <param name="Return">What the method returns.</param>
/// <param name="ContainingType">The declaring type, fully qualified.</param>
/// <param name="Method">The method's name.</param>
/// <param name="DisplayName">The method as a person would name it (for comments).</param>
/// <param name="EventType">The typed event, fully qualified (event kinds).</param>
/// <param name="ResultType">The typed result, fully qualified (<see cref="FunctionKind.Event"/>).</param>
/// <param name="EventTypeInfo">The expression that gives the event's JsonTypeInfo.</param>
/// <param name="ResultTypeInfo">The expression that gives the result's JsonTypeInfo.</param>
/// <param name="PassCancellationToken">Whether the method takes a CancellationToken last.</param>
/// <param name="Instance">How to build the class of an instance method; null for a static method.</param>
/// <param name="PerInvocation">Whether the class is built per invocation (else once).</param>
/// <param name="Diagnostics">What is wrong (errors keep it out of the generated code).</param>
internal sealed record FunctionModel(
    string Name,
    LocationInfo? NameLocation,
    string Order,
    FunctionKind Kind,
    ReturnKind Return,
    string ContainingType,
    string Method,
    string DisplayName,
    string? EventType,
    string? ResultType,
    string? EventTypeInfo,
    string? ResultTypeInfo,
    bool PassCancellationToken,
    Construction? Instance,
    bool PerInvocation,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool IsValid => !Diagnostics.HasErrors();
}
