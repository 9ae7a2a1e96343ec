using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Runtime.Engine.Generators.Model;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>Reads a <c>[FaaSInitializer]</c> method into one <see cref="InitializerModel"/> per attribute, with diagnostics.</summary>
internal static class InitializerParser
{
    public static EquatableArray<InitializerModel> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var known = new KnownTypes(context.SemanticModel.Compilation);
        var diagnostics = new List<DiagnosticInfo>();
        LocationInfo? methodLocation = MethodIdentifier.Of(context.TargetNode);
        string display = SymbolRules.DisplayName(method);

        if (SymbolRules.Unreachable(method) is { } unreachable)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotReachable, methodLocation, "Method", display, unreachable));
        }
        if (SymbolRules.GenericPart(method) is { } generic)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.Generic, methodLocation, display, generic));
        }
        ReturnKind returns = ShapeReader.Classify(method, known, out _);
        string? problem = Problem(method, returns, known);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedInitializer, methodLocation, display, problem));
        }

        var arguments = ImmutableArray.CreateBuilder<Argument>(method.Parameters.Length);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            arguments.Add(KnownTypes.Is(parameter.Type, known.CancellationToken)
                ? new Argument(ArgumentKind.CancellationToken, SymbolRules.FullName(parameter.Type))
                : ConstructionReader.Inject(parameter, known));
        }
        EquatableArray<Argument> parameters = new(arguments.MoveToImmutable());
        EquatableArray<DiagnosticInfo> found = diagnostics.ToEquatableArray();

        var models = ImmutableArray.CreateBuilder<InitializerModel>(context.Attributes.Length);
        foreach (AttributeData attribute in context.Attributes)
        {
            string function = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string given ? given : string.Empty;
            models.Add(new InitializerModel(
                function,
                AttributeSyntaxReader.Positional(attribute, cancellationToken),
                DeclarationOrder.Of(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) ?? context.TargetNode),
                returns,
                SymbolRules.FullName(method.ContainingType),
                method.Name,
                parameters,
                found));
        }
        return new EquatableArray<InitializerModel>(models.MoveToImmutable());
    }

    private static string? Problem(IMethodSymbol method, ReturnKind returns, KnownTypes known)
    {
        if (!method.IsStatic)
        {
            return "it is not static (an initialiser runs before any function instance exists)";
        }
        if (method.IsAsync && method.ReturnsVoid)
        {
            return "it is async void, so start could not wait for it or see its exceptions; return Task or ValueTask";
        }
        if (returns is not (ReturnKind.Task or ReturnKind.ValueTask or ReturnKind.Void))
        {
            return "it returns " + method.ReturnType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + ", not Task, ValueTask or void";
        }
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Ref or RefKind.Out)
            {
                return "parameter '" + parameter.Name + "' is ref or out";
            }
            if (KnownTypes.Is(parameter.Type, known.FaaSContext) || KnownTypes.Is(parameter.Type, known.FaaSRequest)
                || KnownTypes.Is(parameter.Type, known.FaaSResponse))
            {
                return "parameter '" + parameter.Name + "' is a " + parameter.Type.Name + ", which only invocations have";
            }
            if (parameter.Type.IsRefLikeType || parameter.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
            {
                return "parameter '" + parameter.Name + "' is a ref struct or pointer";
            }
        }
        return null;
    }
}
