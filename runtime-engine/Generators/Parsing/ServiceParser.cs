using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Runtime.Engine.Generators.Model;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>Reads one <c>[FaaSService]</c> class into a <see cref="ServiceModel"/>, with its diagnostics.</summary>
internal static class ServiceParser
{
    private static readonly string[] s_lifetimes = { "Singleton", "Scoped", "Transient" };

    public static ServiceModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        AttributeData attribute = context.Attributes[0];
        var known = new KnownTypes(context.SemanticModel.Compilation);
        var diagnostics = new List<DiagnosticInfo>();
        LocationInfo? typeLocation = context.TargetNode is BaseTypeDeclarationSyntax declaration
            ? LocationInfo.From(declaration.Identifier)
            : LocationInfo.From(context.TargetNode);
        string display = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

        ITypeSymbol serviceType = type;
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is ITypeSymbol given)
        {
            serviceType = given;
            if (given.TypeKind != TypeKind.Error && !Implements(type, given))
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.ServiceTypeMismatch, AttributeSyntaxReader.Positional(attribute, cancellationToken),
                    display, given.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)));
            }
        }
        if (SymbolRules.Unreachable(type) is { } unreachable)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotReachable, typeLocation, "Class", display, unreachable));
        }
        else if (serviceType is INamedTypeSymbol named && !SymbolEqualityComparer.Default.Equals(named, type) && SymbolRules.Unreachable(named) is { } hidden)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotReachable, AttributeSyntaxReader.Positional(attribute, cancellationToken),
                "Service type", named.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), hidden));
        }
        if (type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.Generic, typeLocation, display, "type '" + display + "'"));
        }

        string purpose = "service " + serviceType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        Construction construction = ConstructionReader.Read(type, purpose, typeLocation, known, diagnostics)
            ?? new Construction(SymbolRules.FullName(type), EquatableArray<Argument>.Empty, DisposeKind.None);

        AttributeSyntaxReader.TryGetNamed(attribute, "Lifetime", out TypedConstant lifetime);
        string lifetimeName = lifetime.Value is int value && value >= 0 && value < s_lifetimes.Length ? s_lifetimes[value] : s_lifetimes[0];
        return new ServiceModel(DeclarationOrder.Of(context.TargetNode), SymbolRules.FullName(serviceType), lifetimeName, construction, diagnostics.ToEquatableArray());
    }

    private static bool Implements(INamedTypeSymbol type, ITypeSymbol service)
    {
        if (SymbolEqualityComparer.Default.Equals(type, service))
        {
            return true;
        }
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, service))
            {
                return true;
            }
        }
        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, service))
            {
                return true;
            }
        }
        return false;
    }
}
