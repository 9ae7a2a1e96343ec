using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Runtime.Engine.Generators.Model;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>Finds where an attribute's arguments are written, to report diagnostics on the exact argument.</summary>
internal static class AttributeSyntaxReader
{
    /// <summary>The attribute itself.</summary>
    public static LocationInfo? Attribute(AttributeData attribute, CancellationToken cancellationToken) =>
        LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));

    /// <summary>The first positional argument, or the attribute when it has none.</summary>
    public static LocationInfo? Positional(AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }
        if (syntax.ArgumentList is { } list)
        {
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals is null && argument.NameColon is null)
                {
                    return LocationInfo.From(argument);
                }
            }
        }
        return LocationInfo.From(syntax);
    }

    /// <summary>The named argument <paramref name="name"/> (<c>Name = ...</c>), or the attribute when it is not written.</summary>
    public static LocationInfo? Named(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }
        if (syntax.ArgumentList is { } list)
        {
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return LocationInfo.From(argument);
                }
            }
        }
        return LocationInfo.From(syntax);
    }

    /// <summary>The value of named argument <paramref name="name"/>, and whether it is written at all.</summary>
    public static bool TryGetNamed(AttributeData attribute, string name, out TypedConstant value)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                value = pair.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
