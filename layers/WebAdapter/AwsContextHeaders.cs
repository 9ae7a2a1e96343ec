using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Runtime.Engine;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// On AWS Lambda, the two headers AWS Lambda Web Adapter adds to every request, so apps written for it read the same:
/// <c>x-amzn-request-context</c> (the API Gateway / function URL / ALB event's <c>requestContext</c>, compact JSON)
/// and <c>x-amzn-lambda-context</c> (the invocation's context as LWA's Rust runtime serialises it, with the fields the
/// engine knows: request id, deadline, trace id, function name, version, memory, log group and stream). Values are
/// ASCII JSON (non-ASCII escaped), so they are valid header values whatever the event held.
/// </summary>
internal sealed class AwsContextHeaders
{
    public const string RequestContext = "x-amzn-request-context";
    public const string LambdaContext = "x-amzn-lambda-context";

    private readonly string? _logGroup;
    private readonly string? _logStream;

    public AwsContextHeaders(string? logGroup, string? logStream)
    {
        _logGroup = logGroup;
        _logStream = logStream;
    }

    /// <summary>The <c>requestContext</c> object of the event, as compact JSON; null when there is none.</summary>
    public static string? RequestContextOf(ReadOnlyMemory<byte> payload)
    {
        var reader = new Utf8JsonReader(payload.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool wanted = reader.ValueTextEquals("requestContext"u8);
            reader.Read();
            if (wanted)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return null;
                }
                using JsonDocument context = JsonDocument.ParseValue(ref reader);
                var buffer = new ArrayBufferWriter<byte>(1024);
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    context.RootElement.WriteTo(writer);
                }
                return Encoding.ASCII.GetString(buffer.WrittenSpan);
            }
            reader.Skip();
        }
        return null;
    }

    /// <summary>The invocation's context in the shape of LWA's <c>x-amzn-lambda-context</c>.</summary>
    public string LambdaContextOf(FaaSContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("request_id"u8, context.RequestId);
            writer.WriteNumber("deadline"u8, context.Deadline == DateTimeOffset.MaxValue ? 0 : context.Deadline.ToUnixTimeMilliseconds());
            writer.WriteString("invoked_function_arn"u8, string.Empty);
            if (context.TraceId is { } trace)
            {
                writer.WriteString("xray_trace_id"u8, trace);
            }
            writer.WriteStartObject("env_config"u8);
            writer.WriteString("function_name"u8, context.Function.Name);
            writer.WriteNumber("memory"u8, context.Function.MemoryLimitMb);
            writer.WriteString("version"u8, context.Function.Version);
            writer.WriteString("log_stream"u8, _logStream ?? string.Empty);
            writer.WriteString("log_group"u8, _logGroup ?? string.Empty);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }
}
