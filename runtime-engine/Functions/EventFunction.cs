using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Runtime.Engine.Errors;

namespace Runtime.Engine.Functions;

/// <summary>
/// A function with a typed event and a typed result, read and written with source-generated JSON
/// (<see cref="JsonTypeInfo{T}"/>), never by reflection.
/// </summary>
public abstract class EventFunction<TEvent, TResult> : IFunctionHandler
{
    private readonly JsonTypeInfo<TEvent> _eventType;
    private readonly JsonTypeInfo<TResult> _resultType;

    /// <summary>Creates the function with the JSON metadata of its event and result types.</summary>
    protected EventFunction(JsonTypeInfo<TEvent> eventType, JsonTypeInfo<TResult> resultType)
    {
        _eventType = eventType ?? throw new ArgumentNullException(nameof(eventType));
        _resultType = resultType ?? throw new ArgumentNullException(nameof(resultType));
    }

    /// <summary>Handles one event.</summary>
    public abstract ValueTask<TResult> HandleAsync(FaaSContext context, TEvent input);

    /// <inheritdoc />
    public async ValueTask InvokeAsync(FaaSContext context)
    {
        TEvent input = EventJson.Read(context, _eventType);
        TResult result = await HandleAsync(context, input).ConfigureAwait(false);
        EventJson.Write(context, result, _resultType);
    }
}

/// <summary>Reads typed events and writes typed results for event functions.</summary>
internal static class EventJson
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static TEvent Read<TEvent>(FaaSContext context, JsonTypeInfo<TEvent> type)
    {
        ReadOnlySpan<byte> payload = context.Event.Span;
        if (payload.IsEmpty)
        {
            throw new FaaSRuntimeException(ErrorTypes.InvalidEvent,
                $"Function '{context.HandlerName}' expects a JSON event of type {typeof(TEvent).Name}, but the event is empty.");
        }
        TEvent? value;
        try
        {
            value = JsonSerializer.Deserialize(payload, type);
        }
        catch (JsonException ex)
        {
            throw new FaaSRuntimeException(ErrorTypes.InvalidEvent,
                $"Function '{context.HandlerName}' expects a JSON event of type {typeof(TEvent).Name}, but it could not be read: {ex.Message}", ex);
        }
        if (value is null)
        {
            throw new FaaSRuntimeException(ErrorTypes.InvalidEvent,
                $"Function '{context.HandlerName}' expects a JSON event of type {typeof(TEvent).Name}, but the event is JSON null.");
        }
        return value;
    }

    public static void Write<TResult>(FaaSContext context, TResult result, JsonTypeInfo<TResult> type)
    {
        // Serialisation is synchronous, so one writer per thread is never shared by two invocations at once.
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(Stream.Null);
        writer.Reset(context.Output);
        try
        {
            JsonSerializer.Serialize(writer, result, type);
            writer.Flush();
        }
        finally
        {
            writer.Reset(Stream.Null);
        }
        context.OutputContentType ??= "application/json";
    }
}
