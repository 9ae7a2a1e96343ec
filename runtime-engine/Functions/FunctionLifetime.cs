namespace Runtime.Engine.Functions;

/// <summary>How often a function's handler object is constructed.</summary>
public enum FunctionLifetime
{
    /// <summary>Once, at FunctionStart, from the root services (the default, and the cheapest).</summary>
    Singleton,

    /// <summary>Once per invocation, from the invocation's service scope (so scoped services can be injected).</summary>
    PerInvocation,
}
