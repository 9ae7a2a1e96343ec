using Microsoft.CodeAnalysis;
using Runtime.Engine.Generators.Model;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>What a function method's signature says: its kind, what it returns, its event and result types.</summary>
internal sealed class Shape
{
    private Shape(FunctionKind kind, ReturnKind returns, ITypeSymbol? eventType, ITypeSymbol? resultType, bool passCancellationToken, string? problem)
    {
        Kind = kind;
        Return = returns;
        EventType = eventType;
        ResultType = resultType;
        PassCancellationToken = passCancellationToken;
        Problem = problem;
    }

    public FunctionKind Kind { get; }

    public ReturnKind Return { get; }

    public ITypeSymbol? EventType { get; }

    public ITypeSymbol? ResultType { get; }

    public bool PassCancellationToken { get; }

    /// <summary>Why the signature is not a supported shape; null when it is.</summary>
    public string? Problem { get; }

    public static Shape Supported(FunctionKind kind, ReturnKind returns, ITypeSymbol? eventType, ITypeSymbol? resultType, bool passCancellationToken) =>
        new(kind, returns, eventType, resultType, passCancellationToken, null);

    public static Shape Unsupported(string problem) => new(FunctionKind.Raw, ReturnKind.Void, null, null, false, problem);
}
