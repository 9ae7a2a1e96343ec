using System;
using System.Diagnostics;

namespace Runtime.Engine.Functions.Annotations;

/// <summary>
/// Declares a method as a function named <see cref="Name"/>. Nothing reads this attribute at run time: the
/// Runtime.Engine.Generators source generator (wired into every project that imports <c>Function.props</c>) turns it,
/// at compile time, into an explicit registration inside the generated <c>builder.AddAnnotatedFunctions()</c>, so
/// there is no scanning or reflection and native AOT sees plain calls.
/// <para>The method's shape picks the kind of function (an optional <see cref="System.Threading.CancellationToken"/>
/// may come last; it is given <see cref="FaaSContext.CancellationToken"/>):</para>
/// <list type="table">
/// <listheader><term>shape</term><description>registered as</description></listheader>
/// <item><term><c>(FaaSContext)</c> returning <c>ValueTask</c>, <c>Task</c> or <c>void</c></term>
/// <description>a raw function (<see cref="FunctionRegistry.AddRaw"/>): reads <see cref="FaaSContext.Event"/>,
/// writes <see cref="FaaSContext.Output"/>.</description></item>
/// <item><term><c>(FaaSContext, FaaSRequest, FaaSResponse)</c> returning <c>ValueTask</c>, <c>Task</c> or <c>void</c></term>
/// <description>an HTTP function (<see cref="FunctionRegistry.AddHttp"/>), whatever trigger carries the request.</description></item>
/// <item><term><c>(FaaSContext, TEvent)</c> returning <c>ValueTask&lt;TResult&gt;</c>, <c>Task&lt;TResult&gt;</c> or <c>TResult</c></term>
/// <description>a typed event function (<c>AddEvent&lt;TEvent, TResult&gt;</c>): the event is read and the result
/// written as JSON with the <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> named by
/// <see cref="Json"/>.</description></item>
/// <item><term><c>(FaaSContext, TEvent)</c> returning <c>ValueTask</c>, <c>Task</c> or <c>void</c></term>
/// <description>a typed event function without a result (<c>AddEvent&lt;TEvent&gt;</c>): answers with an empty body.</description></item>
/// </list>
/// <para>A <c>static</c> method is registered as a delegate. An instance method belongs to a class that the generated
/// code constructs for the function, once (<see cref="FunctionLifetime.Singleton"/>, from the root services) or per
/// invocation (<see cref="FunctionLifetime.PerInvocation"/>, from the invocation's scope), by calling its one accessible
/// constructor (or the one marked <c>[ActivatorUtilitiesConstructor]</c>) with each parameter resolved from the
/// services (<c>GetRequiredService</c>; <see cref="IServiceProvider"/> is the provider itself, and a parameter
/// defaulting to null gets <c>GetService</c>). A singleton that is <see cref="IDisposable"/> or
/// <see cref="IAsyncDisposable"/> is disposed at Close; a per-invocation one after its invocation.</para>
/// <para>The method and the types around it must be reachable from the assembly (public or internal), non-generic,
/// and the class of an instance method must be a non-abstract class. Breaking a rule is a compile error with an id
/// <c>FAAS001</c>...; see <c>runtime-engine/Generators/README.md</c>.</para>
/// <example>
/// <code>
/// public sealed class Orders(IOrderStore store)
/// {
///     [FaaSFunction("orders", Json = typeof(AppJsonContext))]
///     public async ValueTask&lt;Receipt&gt; PlaceAsync(FaaSContext context, Order order, CancellationToken cancellationToken) =>
///         await store.SaveAsync(order, cancellationToken);
/// }
/// </code>
/// </example>
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
[Conditional("FAAS_KEEP_ANNOTATIONS")] // compile-time only: not emitted into the binary's metadata
public sealed class FaaSFunctionAttribute : Attribute
{
    /// <summary>Declares the method as the function <paramref name="name"/>.</summary>
    /// <param name="name">The name the configured handler setting selects the function by; unique in the assembly.</param>
    public FaaSFunctionAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>
    /// The source-generated <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> that reads the event and
    /// writes the result of a typed event function; it must list both types with <c>[JsonSerializable(typeof(...))]</c>
    /// (or expose a <c>JsonTypeInfo&lt;T&gt;</c> property for them). The generated code reads
    /// <c>Context.Default.&lt;PropertyName&gt;</c>, named the way System.Text.Json names it (or by its <c>TypeInfoPropertyName</c>).
    /// </summary>
    public Type? Json { get; set; }

    /// <summary>
    /// For an instance method: how often its class is constructed (default <see cref="FunctionLifetime.Singleton"/>).
    /// Not allowed on a static method.
    /// </summary>
    public FunctionLifetime Lifetime { get; set; } = FunctionLifetime.Singleton;
}
