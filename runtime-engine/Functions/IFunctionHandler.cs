using System.Threading.Tasks;

namespace Runtime.Engine.Functions;

/// <summary>
/// A function: reads the event from the context and writes its result to <see cref="FaaSContext.Output"/>
/// (or, for HTTP, to <see cref="FaaSContext.Response"/>). Most users register a delegate or derive from
/// <see cref="EventFunction{TEvent, TResult}"/> or <see cref="HttpFunction"/> instead of implementing this directly.
/// </summary>
public interface IFunctionHandler
{
    /// <summary>Handles one invocation.</summary>
    ValueTask InvokeAsync(FaaSContext context);
}
