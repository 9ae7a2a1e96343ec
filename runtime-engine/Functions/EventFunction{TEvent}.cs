using System;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;

namespace Runtime.Engine.Functions;

/// <summary>
/// A function with a typed JSON event and no result: it answers with an empty body. The event is read with
/// source-generated JSON (<see cref="JsonTypeInfo{T}"/>), never by reflection.
/// </summary>
public abstract class EventFunction<TEvent> : IFunctionHandler
{
    private readonly JsonTypeInfo<TEvent> _eventType;

    /// <summary>Creates the function with the JSON metadata of its event type.</summary>
    protected EventFunction(JsonTypeInfo<TEvent> eventType)
    {
        _eventType = eventType ?? throw new ArgumentNullException(nameof(eventType));
    }

    /// <summary>Handles one event.</summary>
    public abstract ValueTask HandleAsync(FaaSContext context, TEvent input);

    /// <inheritdoc />
    public ValueTask InvokeAsync(FaaSContext context) => HandleAsync(context, EventJson.Read(context, _eventType));
}
