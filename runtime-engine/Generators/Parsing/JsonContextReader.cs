using Microsoft.CodeAnalysis;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>
/// Finds the JsonTypeInfo of a type on a JsonSerializerContext, as an expression the generated code can use:
/// <c>global::Ns.AppJsonContext.Default.Order</c>.
/// </summary>
internal static class JsonContextReader
{
    /// <summary>Why <paramref name="context"/> cannot serve as a JSON context; null when it can.</summary>
    public static string? Problem(INamedTypeSymbol context, KnownTypes known)
    {
        if (known.JsonSerializerContext is null)
        {
            return "System.Text.Json is not referenced";
        }
        bool derives = false;
        for (INamedTypeSymbol? type = context.BaseType; type is not null; type = type.BaseType)
        {
            if (KnownTypes.Is(type, known.JsonSerializerContext))
            {
                derives = true;
                break;
            }
        }
        if (!derives)
        {
            return "it does not derive from JsonSerializerContext";
        }
        if (context.IsAbstract)
        {
            return "it is abstract";
        }
        if (context.IsGenericType)
        {
            return "it is generic";
        }
        if (SymbolRules.Unreachable(context) is { } unreachable)
        {
            return unreachable;
        }
        return null;
    }

    /// <summary>
    /// The expression for <paramref name="type"/>'s JsonTypeInfo on <paramref name="context"/>, or null when the context
    /// has none: a declared <c>JsonTypeInfo&lt;T&gt;</c> property (a context from another assembly, or written by hand),
    /// else a <c>[JsonSerializable(typeof(T))]</c> on the context (its <c>TypeInfoPropertyName</c>, or the name
    /// System.Text.Json gives it). Types only reachable through another type's members are not looked for: name them.
    /// </summary>
    public static string? TypeInfoExpression(INamedTypeSymbol context, ITypeSymbol type, KnownTypes known)
    {
        string? property = DeclaredProperty(context, type, known) ?? SerializableProperty(context, type, known);
        return property is null ? null : SymbolRules.FullName(context) + ".Default." + property;
    }

    private static string? DeclaredProperty(INamedTypeSymbol context, ITypeSymbol type, KnownTypes known)
    {
        foreach (ISymbol member in context.GetMembers())
        {
            if (member is IPropertySymbol { IsStatic: false, Parameters.Length: 0 } property
                && KnownTypes.IsConstructedFrom(property.Type, known.JsonTypeInfoOfT)
                && SymbolEqualityComparer.Default.Equals(((INamedTypeSymbol)property.Type).TypeArguments[0], type))
            {
                return property.Name;
            }
        }
        return null;
    }

    private static string? SerializableProperty(INamedTypeSymbol context, ITypeSymbol type, KnownTypes known)
    {
        foreach (AttributeData attribute in context.GetAttributes())
        {
            if (!KnownTypes.Is(attribute.AttributeClass, known.JsonSerializableAttribute)
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Value is not ITypeSymbol serializable
                || !SymbolEqualityComparer.Default.Equals(serializable, type))
            {
                continue;
            }
            if (AttributeSyntaxReader.TryGetNamed(attribute, "TypeInfoPropertyName", out TypedConstant name)
                && name.Value is string { Length: > 0 } given)
            {
                return given;
            }
            return JsonTypeInfoNames.PropertyName(serializable);
        }
        return null;
    }
}
