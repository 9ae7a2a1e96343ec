using System;
using System.Diagnostics;

namespace Runtime.Engine.Functions.Annotations;

/// <summary>
/// Declares a static method as the initialiser of the annotated function <see cref="Function"/>: run once at
/// FunctionStart, after the services are built and before the first invocation (<see cref="FunctionRegistry.OnStart"/>;
/// FC's <c>/initialize</c> maps here). Compile-time only, like <see cref="FaaSFunctionAttribute"/>.
/// <para>It returns <c>Task</c>, <c>ValueTask</c> or <c>void</c>. Each parameter is resolved at start:
/// <see cref="IServiceProvider"/> is the root provider, <see cref="System.Threading.CancellationToken"/> the start's
/// token, anything else a service (<c>GetRequiredService</c>). One function has at most one initialiser; a method may
/// initialise several functions (repeat the attribute).</para>
/// <example>
/// <code>
/// [FaaSInitializer("orders")]
/// public static Task WarmAsync(IOrderStore store, CancellationToken cancellationToken) => store.WarmAsync(cancellationToken);
/// </code>
/// </example>
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
[Conditional("FAAS_KEEP_ANNOTATIONS")] // compile-time only: not emitted into the binary's metadata
public sealed class FaaSInitializerAttribute : Attribute
{
    /// <summary>Declares the method as the initialiser of <paramref name="function"/>.</summary>
    /// <param name="function">The name of a function declared with <see cref="FaaSFunctionAttribute"/> in this assembly.</param>
    public FaaSInitializerAttribute(string function)
    {
        Function = function;
    }

    /// <summary>The function this initialises.</summary>
    public string Function { get; }
}
