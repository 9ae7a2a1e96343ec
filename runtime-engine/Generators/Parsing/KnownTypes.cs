using Microsoft.CodeAnalysis;

namespace Runtime.Engine.Generators.Parsing;

/// <summary>The types the parsers compare against, looked up once per compilation (null when not referenced).</summary>
internal sealed class KnownTypes
{
    public KnownTypes(Compilation compilation)
    {
        FaaSContext = compilation.GetTypeByMetadataName("Runtime.Engine.FaaSContext");
        FaaSRequest = compilation.GetTypeByMetadataName("Runtime.Engine.Http.FaaSRequest");
        FaaSResponse = compilation.GetTypeByMetadataName("Runtime.Engine.Http.FaaSResponse");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        ServiceProvider = compilation.GetTypeByMetadataName("System.IServiceProvider");
        Disposable = compilation.GetTypeByMetadataName("System.IDisposable");
        AsyncDisposable = compilation.GetTypeByMetadataName("System.IAsyncDisposable");
        JsonSerializerContext = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonSerializerContext");
        JsonSerializableAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonSerializableAttribute");
        JsonTypeInfoOfT = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.Metadata.JsonTypeInfo`1");
        ActivatorUtilitiesConstructorAttribute =
            compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructorAttribute");
    }

    public INamedTypeSymbol? FaaSContext { get; }

    public INamedTypeSymbol? FaaSRequest { get; }

    public INamedTypeSymbol? FaaSResponse { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? ServiceProvider { get; }

    public INamedTypeSymbol? Disposable { get; }

    public INamedTypeSymbol? AsyncDisposable { get; }

    public INamedTypeSymbol? JsonSerializerContext { get; }

    public INamedTypeSymbol? JsonSerializableAttribute { get; }

    public INamedTypeSymbol? JsonTypeInfoOfT { get; }

    public INamedTypeSymbol? ActivatorUtilitiesConstructorAttribute { get; }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    public static bool IsConstructedFrom(ITypeSymbol? type, INamedTypeSymbol? definition) =>
        definition is not null && type is INamedTypeSymbol { IsGenericType: true } named
        && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, definition);
}
