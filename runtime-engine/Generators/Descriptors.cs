using Microsoft.CodeAnalysis;

namespace Runtime.Engine.Generators;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: add new ones at the end, never reuse one
/// (AnalyzerReleases.Unshipped.md lists them; README.md explains each with an example).
/// </summary>
internal static class Descriptors
{
    private const string Category = "FaaS.Annotations";

    public static readonly DiagnosticDescriptor UnsupportedShape = Error("FAAS001", "Unsupported function shape",
        "Method '{0}' cannot be a function: {1}. Supported: (FaaSContext), (FaaSContext, FaaSRequest, FaaSResponse) or (FaaSContext, TEvent), optionally with a CancellationToken last, returning ValueTask, Task or void (or ValueTask<T>, Task<T> or T for (FaaSContext, TEvent)).");

    public static readonly DiagnosticDescriptor NotReachable = Error("FAAS002", "Not reachable from the generated registrations",
        "{0} '{1}' cannot be registered: {2}. Make it and the types around it public or internal.");

    public static readonly DiagnosticDescriptor DuplicateName = Error("FAAS003", "Duplicate function name",
        "Function name '{0}' is already used by '{1}'. Each function in an assembly needs its own name.");

    public static readonly DiagnosticDescriptor EmptyName = Error("FAAS004", "Empty function name",
        "A function needs a non-empty name.");

    public static readonly DiagnosticDescriptor MissingJsonContext = Error("FAAS005", "Typed event function without a JSON context",
        "Function '{0}' takes a typed event ({1}), so its attribute needs Json = typeof(<your JsonSerializerContext>) to read it without reflection.");

    public static readonly DiagnosticDescriptor InvalidJsonContext = Error("FAAS006", "Not a usable JSON context",
        "Json = typeof({0}) on function '{1}': {2}.");

    public static readonly DiagnosticDescriptor MissingJsonTypeInfo = Error("FAAS007", "No JsonTypeInfo for the event or result type",
        "{0} has no JsonTypeInfo for {1}, the {2} type of function '{3}'. Add [JsonSerializable(typeof({1}))] to {0}.");

    public static readonly DiagnosticDescriptor NotConstructible = Error("FAAS008", "Class cannot be constructed",
        "'{0}' cannot be built for {1}: {2}.");

    public static readonly DiagnosticDescriptor NoUsableConstructor = Error("FAAS009", "No single constructor to inject",
        "'{0}' cannot be built for {1}: {2}.");

    public static readonly DiagnosticDescriptor Generic = Error("FAAS010", "Generic method or type",
        "'{0}' cannot be registered: {1} is generic. Declare it on a non-generic method in a non-generic type.");

    public static readonly DiagnosticDescriptor LifetimeOnStatic = Error("FAAS011", "Lifetime on a static function",
        "Function '{0}' is static, so there is no instance whose lifetime Lifetime could set. Remove it, or make the method an instance method.");

    public static readonly DiagnosticDescriptor UnsupportedInitializer = Error("FAAS012", "Unsupported initialiser shape",
        "Method '{0}' cannot be an initialiser: {1}. An initialiser is static, returns Task, ValueTask or void, and takes services, IServiceProvider or a CancellationToken.");

    public static readonly DiagnosticDescriptor UnknownInitializerTarget = Error("FAAS013", "Initialiser for an unknown function",
        "No function named '{0}' is declared with [FaaSFunction] in this assembly; an initialiser names the function it runs before.");

    public static readonly DiagnosticDescriptor DuplicateInitializer = Error("FAAS014", "Several initialisers for one function",
        "Function '{0}' already has the initialiser '{1}'. A function has at most one; call the others from it.");

    public static readonly DiagnosticDescriptor ServiceTypeMismatch = Error("FAAS015", "Service class does not implement its service type",
        "'{0}' is registered as {1}, which it neither implements nor derives from.");

    public static readonly DiagnosticDescriptor UnusedJsonContext = new("FAAS016", "JSON context not used",
        "Function '{0}' is a {1} function, which reads no typed event; Json = typeof({2}) is not used. Remove it.",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
