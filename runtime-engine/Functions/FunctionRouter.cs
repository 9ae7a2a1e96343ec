using System;
using System.Collections.Generic;
using Runtime.Engine.Errors;

namespace Runtime.Engine.Functions;

/// <summary>
/// Chooses which registered function this instance serves from the configured handler name.
/// Rules: a handler name that matches a function picks it; with one function registered and no name, or a
/// platform-default name that matches nothing, that one function serves (the caller is told, to log it);
/// otherwise the start fails with <c>Runtime.NoSuchHandler</c> naming what is registered.
/// </summary>
public static class FunctionRouter
{
    /// <summary>The outcome of routing: the function, and a note when the handler name was not used.</summary>
    public readonly record struct Selection(FunctionDescriptor Function, string? Note);

    /// <summary>
    /// Picks the function. <paramref name="explicitName"/> says whether the name was set explicitly for this
    /// runtime (then it must match) or came from a platform field that has a default of its own (then a single
    /// registered function still serves when it does not match).
    /// </summary>
    public static Selection Select(FunctionRegistry registry, string? handlerName, bool explicitName)
    {
        IReadOnlyList<FunctionDescriptor> all = registry.All;
        if (all.Count == 0)
        {
            throw new FaaSRuntimeException(ErrorTypes.NoSuchHandler,
                "No function is registered. Register one with builder.Functions.Add...(name, handler) before RunAsync.");
        }
        if (!string.IsNullOrEmpty(handlerName) && registry.Find(handlerName) is { } match)
        {
            return new Selection(match, null);
        }
        if (all.Count == 1 && (string.IsNullOrEmpty(handlerName) || !explicitName))
        {
            string? note = string.IsNullOrEmpty(handlerName)
                ? null
                : $"Handler '{handlerName}' names no registered function; serving the only function, '{all[0].Name}'.";
            return new Selection(all[0], note);
        }
        string names = string.Join(", ", Names(all));
        string message = string.IsNullOrEmpty(handlerName)
            ? $"No handler name is configured and {all.Count} functions are registered ({names}); set the handler to one of them."
            : $"Handler '{handlerName}' names no registered function. Registered: {names}.";
        throw new FaaSRuntimeException(ErrorTypes.NoSuchHandler, message);
    }

    private static IEnumerable<string> Names(IReadOnlyList<FunctionDescriptor> all)
    {
        foreach (FunctionDescriptor function in all)
        {
            yield return "'" + function.Name + "'";
        }
    }
}
