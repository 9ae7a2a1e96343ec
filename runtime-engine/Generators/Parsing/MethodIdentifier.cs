using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Runtime.Engine.Generators.Model;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>Where a method's name is written: diagnostics about the method point there.</summary>
internal static class MethodIdentifier
{
    public static LocationInfo? Of(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => LocationInfo.From(method.Identifier),
        LocalFunctionStatementSyntax local => LocationInfo.From(local.Identifier),
        _ => LocationInfo.From(node),
    };
}
