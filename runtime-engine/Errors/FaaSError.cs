using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Runtime.Engine.Errors;

/// <summary>
/// The one error shape every adapter reports: <c>{"errorType", "errorMessage", "stackTrace"}</c>.
/// Built by <see cref="FaaSErrorFactory"/>, which caps its size so reporting never fails for size.
/// </summary>
public sealed class FaaSError
{
    /// <summary>Creates an error report.</summary>
    public FaaSError(string errorType, string errorMessage, string[]? stackTrace, FaaSErrorCategory category)
    {
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        StackTrace = stackTrace;
        Category = category;
    }

    /// <summary>The exception's full type name, or the type it supplies through <see cref="IFaaSErrorType"/>.</summary>
    [JsonPropertyName("errorType")]
    public string ErrorType { get; }

    /// <summary>The exception's message (truncated to a bounded length).</summary>
    [JsonPropertyName("errorMessage")]
    public string ErrorMessage { get; }

    /// <summary>Stack frames, one per line, bounded in count and length. Never sent in web-trigger HTTP responses.</summary>
    [JsonPropertyName("stackTrace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? StackTrace { get; }

    /// <summary>Whether the function or the runtime failed; adapters map it to the platform's classification.</summary>
    [JsonIgnore]
    public FaaSErrorCategory Category { get; }

    /// <summary>Writes the report as <c>{"errorMessage","errorType","stackTrace"}</c> UTF-8 JSON.</summary>
    public void WriteJson(IBufferWriter<byte> output, bool includeStackTrace = true)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("errorMessage"u8, ErrorMessage);
        writer.WriteString("errorType"u8, ErrorType);
        if (includeStackTrace && StackTrace is { Length: > 0 } frames)
        {
            writer.WriteStartArray("stackTrace"u8);
            foreach (string frame in frames)
            {
                writer.WriteStringValue(frame);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.Flush();
    }
}
