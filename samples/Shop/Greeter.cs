using Runtime.Engine;
using Runtime.Engine.Functions.Annotations;

namespace Samples.Shop;

/// <summary>The greeter, registered as <see cref="IGreeter"/> by its attribute; it is given the deployed function's identity.</summary>
[FaaSService(typeof(IGreeter))]
internal sealed class Greeter : IGreeter
{
    private readonly FunctionInfo _function;

    public Greeter(FunctionInfo function) => _function = function;

    public string Greet(string name) => "Hello, " + name + "! (from " + _function.Name + ")";
}
