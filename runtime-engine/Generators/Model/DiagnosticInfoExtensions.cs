namespace Runtime.Engine.Generators.Model;

/// <summary>Questions asked of a model's diagnostics.</summary>
internal static class DiagnosticInfoExtensions
{
    /// <summary>True when any of them is an error (which keeps the model out of the generated code).</summary>
    public static bool HasErrors(this EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            if (diagnostic.IsError)
            {
                return true;
            }
        }
        return false;
    }
}
