using Microsoft.CodeAnalysis;
using Runtime.Engine.Generators.Model;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>Maps a method's signature onto one of the supported function shapes (see FaaSFunctionAttribute).</summary>
internal static class ShapeReader
{
    public static Shape Read(IMethodSymbol method, KnownTypes known)
    {
        if (method.IsAbstract)
        {
            return Shape.Unsupported("it is abstract");
        }
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return Shape.Unsupported("it returns by reference");
        }
        if (method.IsAsync && method.ReturnsVoid)
        {
            return Shape.Unsupported("it is async void, so nothing could wait for it or see its exceptions; return Task or ValueTask");
        }
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Ref or RefKind.Out)
            {
                return Shape.Unsupported("parameter '" + parameter.Name + "' is ref or out");
            }
        }

        int count = method.Parameters.Length;
        bool passToken = count > 1 && KnownTypes.Is(method.Parameters[count - 1].Type, known.CancellationToken);
        if (passToken)
        {
            count--;
        }
        if (count == 0 || !KnownTypes.Is(method.Parameters[0].Type, known.FaaSContext))
        {
            return Shape.Unsupported("its first parameter must be FaaSContext");
        }

        ReturnKind returns = Classify(method, known, out ITypeSymbol? result);
        bool noResult = returns is ReturnKind.ValueTask or ReturnKind.Task or ReturnKind.Void;
        switch (count)
        {
            case 1:
                return noResult
                    ? Shape.Supported(FunctionKind.Raw, returns, null, null, passToken)
                    : Shape.Unsupported("a raw (FaaSContext) function returns ValueTask, Task or void, not " + Show(method.ReturnType));
            case 2:
                ITypeSymbol eventType = method.Parameters[1].Type;
                if (Unserializable(eventType, known) is { } eventProblem)
                {
                    return Shape.Unsupported("its event type " + Show(eventType) + " " + eventProblem);
                }
                if (noResult)
                {
                    return Shape.Supported(FunctionKind.EventNoResult, returns, eventType, null, passToken);
                }
                if (Unserializable(result!, known) is { } resultProblem)
                {
                    return Shape.Unsupported("its result type " + Show(result!) + " " + resultProblem);
                }
                return Shape.Supported(FunctionKind.Event, returns, eventType, result, passToken);
            case 3:
                if (!KnownTypes.Is(method.Parameters[1].Type, known.FaaSRequest) || !KnownTypes.Is(method.Parameters[2].Type, known.FaaSResponse))
                {
                    return Shape.Unsupported("with three parameters it must be (FaaSContext, FaaSRequest, FaaSResponse)");
                }
                return noResult
                    ? Shape.Supported(FunctionKind.Http, returns, null, null, passToken)
                    : Shape.Unsupported("an HTTP function writes its FaaSResponse and returns ValueTask, Task or void, not " + Show(method.ReturnType));
            default:
                return Shape.Unsupported("it takes " + method.Parameters.Length + " parameters");
        }
    }

    /// <summary>Classifies a return type; <paramref name="result"/> is the T of ValueTask&lt;T&gt;, Task&lt;T&gt; or T.</summary>
    public static ReturnKind Classify(IMethodSymbol method, KnownTypes known, out ITypeSymbol? result)
    {
        result = null;
        ITypeSymbol type = method.ReturnType;
        if (method.ReturnsVoid)
        {
            return ReturnKind.Void;
        }
        if (KnownTypes.Is(type, known.ValueTask))
        {
            return ReturnKind.ValueTask;
        }
        if (KnownTypes.Is(type, known.Task))
        {
            return ReturnKind.Task;
        }
        if (KnownTypes.IsConstructedFrom(type, known.ValueTaskOfT))
        {
            result = ((INamedTypeSymbol)type).TypeArguments[0];
            return ReturnKind.ValueTaskOfResult;
        }
        if (KnownTypes.IsConstructedFrom(type, known.TaskOfT))
        {
            result = ((INamedTypeSymbol)type).TypeArguments[0];
            return ReturnKind.TaskOfResult;
        }
        result = type;
        return ReturnKind.Result;
    }

    private static string? Unserializable(ITypeSymbol type, KnownTypes known)
    {
        if (KnownTypes.Is(type, known.FaaSContext) || KnownTypes.Is(type, known.FaaSRequest) || KnownTypes.Is(type, known.FaaSResponse)
            || KnownTypes.Is(type, known.CancellationToken) || KnownTypes.Is(type, known.ServiceProvider)
            || KnownTypes.Is(type, known.Task) || KnownTypes.Is(type, known.ValueTask))
        {
            return "is not a JSON type";
        }
        if (type.IsRefLikeType || type is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
        {
            return "cannot be read or written as JSON (a ref struct or pointer)";
        }
        if (type is ITypeParameterSymbol)
        {
            return "is a type parameter";
        }
        return null;
    }

    private static string Show(ITypeSymbol type) => "'" + type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "'";
}
