using System;
using System.Buffers;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Engine;

namespace Samples.Echo;

/// <summary>
/// Answers with the event it was given, byte for byte. An event of the form <c>{"throw": "message"}</c> makes it
/// throw <see cref="EchoException"/> with that message instead, which the platform sees as the function's error.
/// </summary>
public static class EchoFunction
{
    public static ValueTask HandleAsync(FaaSContext context)
    {
        if (TryGetThrowMessage(context.Event.Span, out string? message))
        {
            throw new EchoException(message);
        }
        context.Output.Write(context.Event.Span);
        context.OutputContentType = context.EventContentType ?? "application/json";
        return ValueTask.CompletedTask;
    }

    private static bool TryGetThrowMessage(ReadOnlySpan<byte> json, out string message)
    {
        message = string.Empty;
        // Cheap pre-check: most events are not asking to throw, and they need not be JSON at all.
        if (json.IndexOf("\"throw\""u8) < 0)
        {
            return false;
        }
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isThrow = reader.ValueTextEquals("throw"u8);
                if (!reader.Read())
                {
                    return false;
                }
                if (isThrow && reader.TokenType == JsonTokenType.String)
                {
                    message = reader.GetString() ?? string.Empty;
                    return true;
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: an echo of arbitrary bytes, not a request to throw.
            return false;
        }
        return false;
    }
}
