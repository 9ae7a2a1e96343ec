using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Runtime.Engine.Generators.Model;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>Reads one <c>[FaaSFunction]</c> method into a <see cref="FunctionModel"/>, with its diagnostics.</summary>
internal static class FunctionParser
{
    public static FunctionModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        AttributeData attribute = context.Attributes[0];
        var known = new KnownTypes(context.SemanticModel.Compilation);
        var diagnostics = new List<DiagnosticInfo>();
        LocationInfo? methodLocation = MethodIdentifier.Of(context.TargetNode);
        string display = SymbolRules.DisplayName(method);

        string name = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string given ? given : string.Empty;
        LocationInfo? nameLocation = AttributeSyntaxReader.Positional(attribute, cancellationToken);
        if (string.IsNullOrWhiteSpace(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.EmptyName, nameLocation));
        }
        if (SymbolRules.Unreachable(method) is { } unreachable)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotReachable, methodLocation, "Method", display, unreachable));
        }
        if (SymbolRules.GenericPart(method) is { } generic)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.Generic, methodLocation, display, generic));
        }

        Shape shape = ShapeReader.Read(method, known);
        if (shape.Problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedShape, methodLocation, display, shape.Problem));
        }
        string? eventInfo = null;
        string? resultInfo = null;
        if (shape.Problem is null)
        {
            ReadJson(attribute, shape, name, known, diagnostics, cancellationToken, out eventInfo, out resultInfo);
        }

        bool lifetimeSet = AttributeSyntaxReader.TryGetNamed(attribute, "Lifetime", out TypedConstant lifetime);
        bool perInvocation = lifetimeSet && lifetime.Value is int value && value == 1;
        Construction? instance = null;
        if (method.IsStatic)
        {
            if (lifetimeSet)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.LifetimeOnStatic,
                    AttributeSyntaxReader.Named(attribute, "Lifetime", cancellationToken), name));
            }
        }
        else if (method.MethodKind != MethodKind.LocalFunction)
        {
            instance = ConstructionReader.Read(method.ContainingType, "function '" + name + "'", methodLocation, known, diagnostics);
        }

        return new FunctionModel(
            name,
            nameLocation,
            DeclarationOrder.Of(context.TargetNode),
            shape.Kind,
            shape.Return,
            SymbolRules.FullName(method.ContainingType),
            method.Name,
            display,
            shape.EventType is null ? null : SymbolRules.FullName(shape.EventType),
            shape.ResultType is null ? null : SymbolRules.FullName(shape.ResultType),
            eventInfo,
            resultInfo,
            shape.PassCancellationToken,
            instance,
            perInvocation,
            diagnostics.ToEquatableArray());
    }

    private static void ReadJson(AttributeData attribute, Shape shape, string name, KnownTypes known, List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken, out string? eventInfo, out string? resultInfo)
    {
        eventInfo = null;
        resultInfo = null;
        AttributeSyntaxReader.TryGetNamed(attribute, "Json", out TypedConstant json);
        var context = json.Value as INamedTypeSymbol;
        LocationInfo? jsonLocation = AttributeSyntaxReader.Named(attribute, "Json", cancellationToken);
        if (shape.Kind is FunctionKind.Raw or FunctionKind.Http)
        {
            if (context is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnusedJsonContext, jsonLocation, name,
                    shape.Kind == FunctionKind.Raw ? "raw" : "HTTP", Show(context)));
            }
            return;
        }
        if (context is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.MissingJsonContext, AttributeSyntaxReader.Attribute(attribute, cancellationToken),
                name, Show(shape.EventType!)));
            return;
        }
        if (context.TypeKind == TypeKind.Error)
        {
            return; // the compiler already reports the unknown type
        }
        if (JsonContextReader.Problem(context, known) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidJsonContext, jsonLocation, Show(context), name, problem));
            return;
        }
        eventInfo = JsonContextReader.TypeInfoExpression(context, shape.EventType!, known);
        if (eventInfo is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.MissingJsonTypeInfo, jsonLocation, Show(context), Show(shape.EventType!), "event", name));
        }
        if (shape.Kind == FunctionKind.Event)
        {
            resultInfo = JsonContextReader.TypeInfoExpression(context, shape.ResultType!, known);
            if (resultInfo is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.MissingJsonTypeInfo, jsonLocation, Show(context), Show(shape.ResultType!), "result", name));
            }
        }
    }

    private static string Show(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
}
