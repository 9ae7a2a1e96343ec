using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Runtime.Engine.Generators.Model;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>
/// Decides how the generated code builds a class from the services: its one accessible constructor (or the one marked
/// <c>[ActivatorUtilitiesConstructor]</c>), each parameter resolved by type. Reports FAAS008 for a class that cannot
/// be built at all and FAAS009 when no single constructor can be chosen or a parameter cannot be injected.
/// </summary>
internal static class ConstructionReader
{
    public static Construction? Read(INamedTypeSymbol type, string purpose, LocationInfo? location, KnownTypes known,
        List<DiagnosticInfo> diagnostics)
    {
        string typeName = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        string? notConstructible = type switch
        {
            { TypeKind: not TypeKind.Class } => "it is a " + Spell(type.TypeKind) + ", not a class",
            { IsStatic: true } => "it is static",
            { IsAbstract: true } => "it is abstract",
            _ => null,
        };
        if (notConstructible is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NotConstructible, location, typeName, purpose, notConstructible));
            return null;
        }

        IMethodSymbol? constructor = Pick(type, known, out string? ambiguity);
        if (constructor is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Descriptors.NoUsableConstructor, location, typeName, purpose, ambiguity!));
            return null;
        }

        var arguments = ImmutableArray.CreateBuilder<Argument>(constructor.Parameters.Length);
        foreach (IParameterSymbol parameter in constructor.Parameters)
        {
            string? problem = parameter switch
            {
                { RefKind: RefKind.Ref or RefKind.Out } => "parameter '" + parameter.Name + "' is ref or out",
                { Type.IsRefLikeType: true } => "parameter '" + parameter.Name + "' is a ref struct",
                { Type: IPointerTypeSymbol or IFunctionPointerTypeSymbol } => "parameter '" + parameter.Name + "' is a pointer",
                _ => InvocationOnly(parameter, known),
            };
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.NoUsableConstructor, location, typeName, purpose, problem));
                return null;
            }
            arguments.Add(Inject(parameter, known));
        }
        return new Construction(SymbolRules.FullName(type), new EquatableArray<Argument>(arguments.MoveToImmutable()), Disposal(type, known));
    }

    /// <summary>
    /// Why <paramref name="parameter"/> cannot come from the services because only an invocation has it (its context,
    /// request, response or cancellation token); null when it can.
    /// </summary>
    public static string? InvocationOnly(IParameterSymbol parameter, KnownTypes known)
    {
        if (KnownTypes.Is(parameter.Type, known.FaaSContext) || KnownTypes.Is(parameter.Type, known.FaaSRequest)
            || KnownTypes.Is(parameter.Type, known.FaaSResponse))
        {
            return "parameter '" + parameter.Name + "' is a " + parameter.Type.Name + ", which only an invocation has (take it in the function's method)";
        }
        if (KnownTypes.Is(parameter.Type, known.CancellationToken))
        {
            return "parameter '" + parameter.Name + "' is a CancellationToken, which is not a service (a function takes it as its method's last parameter)";
        }
        return null;
    }

    /// <summary>Where a constructor or initialiser parameter comes from (not the cancellation token: callers decide that).</summary>
    public static Argument Inject(IParameterSymbol parameter, KnownTypes known)
    {
        if (KnownTypes.Is(parameter.Type, known.ServiceProvider))
        {
            return new Argument(ArgumentKind.ServiceProvider, SymbolRules.FullName(parameter.Type));
        }
        bool optional = parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null
            && (parameter.Type.IsReferenceType || parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T);
        return new Argument(optional ? ArgumentKind.OptionalService : ArgumentKind.RequiredService, SymbolRules.FullName(parameter.Type));
    }

    private static IMethodSymbol? Pick(INamedTypeSymbol type, KnownTypes known, out string? problem)
    {
        var accessible = new List<IMethodSymbol>();
        var marked = new List<IMethodSymbol>();
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                continue;
            }
            accessible.Add(constructor);
            foreach (AttributeData attribute in constructor.GetAttributes())
            {
                if (KnownTypes.Is(attribute.AttributeClass, known.ActivatorUtilitiesConstructorAttribute))
                {
                    marked.Add(constructor);
                    break;
                }
            }
        }
        problem = null;
        if (marked.Count == 1)
        {
            return marked[0];
        }
        if (marked.Count > 1)
        {
            problem = marked.Count + " constructors are marked [ActivatorUtilitiesConstructor]; mark one";
            return null;
        }
        if (accessible.Count == 1)
        {
            return accessible[0];
        }
        problem = accessible.Count == 0
            ? "it has no public or internal constructor"
            : "it has " + accessible.Count + " public or internal constructors; mark the one to use with [ActivatorUtilitiesConstructor]";
        return null;
    }

    private static DisposeKind Disposal(INamedTypeSymbol type, KnownTypes known)
    {
        bool sync = false;
        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (KnownTypes.Is(implemented, known.AsyncDisposable))
            {
                return DisposeKind.DisposeAsync;
            }
            sync |= KnownTypes.Is(implemented, known.Disposable);
        }
        return sync ? DisposeKind.Dispose : DisposeKind.None;
    }

    private static string Spell(TypeKind kind) => kind switch
    {
        TypeKind.Struct => "struct",
        TypeKind.Interface => "interface",
        TypeKind.Enum => "enum",
        TypeKind.Delegate => "delegate",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
