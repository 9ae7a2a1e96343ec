using System;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Engine.Functions;

/// <summary>One registered function: its name, how to construct its handler, and its optional initialiser.</summary>
public sealed class FunctionDescriptor
{
    internal FunctionDescriptor(string name, Func<IServiceProvider, IFunctionHandler> factory, FunctionLifetime lifetime)
    {
        Name = name;
        Factory = factory;
        Lifetime = lifetime;
    }

    /// <summary>The name the configured handler setting selects it by.</summary>
    public string Name { get; }

    /// <summary>How often the handler is constructed.</summary>
    public FunctionLifetime Lifetime { get; }

    internal Func<IServiceProvider, IFunctionHandler> Factory { get; }

    internal Func<IServiceProvider, CancellationToken, Task>? Initializer { get; set; }
}
