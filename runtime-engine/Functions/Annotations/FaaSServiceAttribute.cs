using System;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Runtime.Engine.Functions.Annotations;

/// <summary>
/// Registers a class in the function's services (<see cref="FunctionAppBuilder.Services"/>) from the generated
/// <c>builder.AddAnnotatedFunctions()</c>, as <see cref="ServiceType"/> (the class itself when not set), with
/// <see cref="Lifetime"/>. The registration is an explicit factory that calls the class's one accessible constructor
/// (or the one marked <c>[ActivatorUtilitiesConstructor]</c>) with its parameters resolved from the services, the same
/// way as for function classes; no <c>ActivatorUtilities</c>, no reflection. Compile-time only, like
/// <see cref="FaaSFunctionAttribute"/>.
/// <example>
/// <code>
/// [FaaSService(typeof(IGreeter))]
/// internal sealed class Greeter(FunctionInfo function) : IGreeter { ... }
/// </code>
/// </example>
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("FAAS_KEEP_ANNOTATIONS")] // compile-time only: not emitted into the binary's metadata
public sealed class FaaSServiceAttribute : Attribute
{
    /// <summary>Registers the class as itself.</summary>
    public FaaSServiceAttribute()
    {
    }

    /// <summary>Registers the class as <paramref name="serviceType"/>, which it must implement or derive from.</summary>
    public FaaSServiceAttribute(Type serviceType)
    {
        ServiceType = serviceType;
    }

    /// <summary>The type the class is registered as; null for the class itself.</summary>
    public Type? ServiceType { get; }

    /// <summary>The service's lifetime (default <see cref="ServiceLifetime.Singleton"/>).</summary>
    public ServiceLifetime Lifetime { get; set; } = ServiceLifetime.Singleton;
}
