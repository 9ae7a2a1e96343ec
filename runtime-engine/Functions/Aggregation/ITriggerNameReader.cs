using System;

namespace Runtime.Engine.Functions.Aggregation;

/// <summary>
/// Reads the name of the trigger that sent a non-HTTP event (a timer's, a bucket notification's...) from the event,
/// for an aggregated instance to route it. Called at most once per invocation, and only in an aggregated instance,
/// after the event turned out not to be HTTP-shaped. Supplied by the adapter; the engine knows no event shapes.
/// </summary>
public interface ITriggerNameReader
{
    /// <summary>The trigger's name, or null when the event carries none. Must not throw for an event it does not know.</summary>
    string? ReadTriggerName(ReadOnlyMemory<byte> payload, object? platformContext);

    /// <summary>
    /// The trigger the platform's context alone names, for an event that also has an HTTP view (a CloudEvent delivered
    /// over HTTP names its source's trigger in an extension attribute): such an event is routed by this name before
    /// any path. Null (the default) when the context names none; the event is then routed as usual.
    /// </summary>
    string? ReadContextTriggerName(object? platformContext) => null;
}
