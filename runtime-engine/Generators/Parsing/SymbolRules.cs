using Microsoft.CodeAnalysis;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>The rules every symbol the generated code names must follow, and how it names them.</summary>
internal static class SymbolRules
{
    /// <summary>How the generated code spells a type: fully qualified, so no using of the user's can change it.</summary>
    public static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>How a message names a method: <c>Type.Method</c>.</summary>
    public static string DisplayName(IMethodSymbol method) =>
        method.ContainingType is { } type
            ? type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + method.Name
            : method.Name;

    /// <summary>
    /// Why the generated code, compiled into the same assembly, cannot name <paramref name="symbol"/>; null when it can.
    /// Checks the symbol and every type around it.
    /// </summary>
    public static string? Unreachable(ISymbol symbol)
    {
        for (ISymbol? current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current is INamedTypeSymbol { IsFileLocal: true })
            {
                return Describe(current, symbol) + " is file-local";
            }
            if (current is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            {
                return "a local function has no name outside its method";
            }
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    break;
                default:
                    return Describe(current, symbol) + " is " + Spell(current.DeclaredAccessibility);
            }
        }
        return null;
    }

    /// <summary>The generic method or type that <paramref name="method"/> sits in; null when there is none.</summary>
    public static string? GenericPart(IMethodSymbol method)
    {
        if (method.IsGenericMethod)
        {
            return "the method";
        }
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.TypeParameters.Length > 0)
            {
                return "type '" + type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "'";
            }
        }
        return null;
    }

    private static string Describe(ISymbol current, ISymbol start) =>
        SymbolEqualityComparer.Default.Equals(current, start)
            ? "it"
            : "its containing type '" + current.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "'";

    private static string Spell(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "not accessible",
    };
}
