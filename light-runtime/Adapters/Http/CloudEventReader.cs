using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Runtime.Engine.Errors;
using Runtime.Light.Http.Server;

namespace Runtime.Light.Adapters.Http;

/// <summary>
/// The CloudEvents 1.0 HTTP protocol binding, read directly (protocols.md 6.1; the CloudNative.CloudEvents package was
/// not used: under native AOT it needs a resolver and still reports trim warnings, for ~100 lines of spec).
/// Binary mode: <c>ce-*</c> headers are the attributes (percent-decoded), the body is the data. Structured mode:
/// <c>application/cloudevents+json</c>, the body is the event (<c>data</c> or <c>data_base64</c>). Batches are refused.
/// </summary>
internal static class CloudEventReader
{
    private static readonly HashSet<string> s_core = new(StringComparer.Ordinal)
    {
        "id", "source", "specversion", "type", "datacontenttype", "subject", "time", "dataschema", "data", "data_base64",
    };

    /// <summary>False when the request carries no CloudEvent; throws <see cref="FaaSRuntimeException"/> for a malformed one.</summary>
    public static bool TryRead(HttpServerRequest request, out CloudEventContext? context, out ReadOnlyMemory<byte> data)
    {
        context = null;
        data = default;
        string? contentType = request.Headers.Get("Content-Type");
        if (contentType is not null && contentType.StartsWith("application/cloudevents-batch", StringComparison.OrdinalIgnoreCase))
        {
            throw new FaaSRuntimeException(ErrorTypes.InvalidEvent, "Batched CloudEvents (application/cloudevents-batch+json) are not supported; send one event per request.");
        }
        if (contentType is not null && contentType.StartsWith("application/cloudevents", StringComparison.OrdinalIgnoreCase))
        {
            context = ReadStructured(request.Body, out data);
            return true;
        }
        string? specVersion = request.Headers.Get("ce-specversion");
        if (specVersion is null)
        {
            return false;
        }
        var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string value) in request.Headers)
        {
            if (name.Length > 3 && name.StartsWith("ce-", StringComparison.OrdinalIgnoreCase))
            {
                string attribute = name[3..].ToLowerInvariant();
                if (!s_core.Contains(attribute))
                {
                    extensions[attribute] = Decode(value);
                }
            }
        }
        context = new CloudEventContext(
            Required(request, "ce-id"), Required(request, "ce-source"), Decode(specVersion), Required(request, "ce-type"),
            contentType, Optional(request, "ce-subject"), Optional(request, "ce-time"), Optional(request, "ce-dataschema"), extensions);
        data = request.Body;
        return true;
    }

    private static CloudEventContext ReadStructured(ReadOnlyMemory<byte> body, out ReadOnlyMemory<byte> data)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new FaaSRuntimeException(ErrorTypes.InvalidEvent, "A structured-mode CloudEvent is not valid JSON: " + ex.Message, ex);
        }
        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FaaSRuntimeException(ErrorTypes.InvalidEvent, "A structured-mode CloudEvent must be a JSON object.");
            }
            var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (!s_core.Contains(property.Name) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    extensions[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
            string? dataContentType = Attribute(root, "datacontenttype");
            if (root.TryGetProperty("data_base64", out JsonElement base64) && base64.ValueKind == JsonValueKind.String)
            {
                try
                {
                    data = base64.GetBytesFromBase64();
                }
                catch (FormatException ex)
                {
                    throw new FaaSRuntimeException(ErrorTypes.InvalidEvent, "A structured-mode CloudEvent's data_base64 is not base64.", ex);
                }
            }
            else if (root.TryGetProperty("data", out JsonElement value) && value.ValueKind != JsonValueKind.Null)
            {
                // A JSON value is the data as JSON; a string with a non-JSON content type is that text.
                data = value.ValueKind == JsonValueKind.String && dataContentType is not null && !IsJsonType(dataContentType)
                    ? Encoding.UTF8.GetBytes(value.GetString()!)
                    : Encoding.UTF8.GetBytes(value.GetRawText());
            }
            else
            {
                data = ReadOnlyMemory<byte>.Empty;
            }
            return new CloudEventContext(
                RequiredAttribute(root, "id"), RequiredAttribute(root, "source"), RequiredAttribute(root, "specversion"), RequiredAttribute(root, "type"),
                dataContentType, Attribute(root, "subject"), Attribute(root, "time"), Attribute(root, "dataschema"), extensions);
        }
    }

    private static bool IsJsonType(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    private static string? Attribute(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null; // null attributes are absent

    private static string RequiredAttribute(JsonElement root, string name) =>
        Attribute(root, name) ?? throw new FaaSRuntimeException(ErrorTypes.InvalidEvent, $"A structured-mode CloudEvent has no '{name}' attribute.");

    private static string Required(HttpServerRequest request, string header) =>
        request.Headers.Get(header) is { Length: > 0 } value
            ? Decode(value)
            : throw new FaaSRuntimeException(ErrorTypes.InvalidEvent, $"A binary-mode CloudEvent has no '{header}' header.");

    private static string? Optional(HttpServerRequest request, string header) =>
        request.Headers.Get(header) is { } value ? Decode(value) : null;

    /// <summary>Header values are percent-encoded UTF-8 (after undoing quoted-string escapes), per the HTTP binding.</summary>
    private static string Decode(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }
        return value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;
    }
}
