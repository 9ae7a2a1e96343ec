using System;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;
using Runtime.Engine.Json;

namespace Runtime.Light.Triggers;

/// <summary>Small helpers the trigger codecs share for reading event JSON and filling a <see cref="FaaSRequest"/>.</summary>
internal static class TriggerJson
{
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> payload)
    {
        ReadOnlySpan<byte> span = payload.Span.TrimStart(" \t\r\n"u8);
        if (span.StartsWith("\uFEFF"u8))
        {
            payload = payload[(payload.Length - span.Length + 3)..]; // a UTF-8 BOM, as in some captured events
            span = payload.Span.TrimStart(" \t\r\n"u8);
        }
        if (span.IsEmpty || span[0] != (byte)'{')
        {
            return null; // cheap: not an object, so not an HTTP event
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return null; // not JSON at all: not an HTTP event either, and the handler decides what that means
        }
        if (!JsonText.IsValid(payload.Span))
        {
            // Strings that are not text (invalid UTF-8, an unpaired surrogate escape) are not JSON either (RFC 8259
            // §8.1); reading them would throw InvalidOperationException from inside a codec (found by tests/Fuzz).
            document.Dispose();
            return null;
        }
        return document;
    }

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool Has(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;

    public static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    public static bool Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;

    /// <summary>Adds each string value of an object map (<c>{"k":"v"}</c>) to <paramref name="target"/>; <paramref name="decode"/> URL-decodes.</summary>
    public static void AddSingleMap(JsonElement map, MultiMap target, bool decode = false)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (JsonProperty property in map.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                string name = decode ? UrlDecode(property.Name) : property.Name;
                string value = property.Value.GetString()!;
                target.Add(name, decode ? UrlDecode(value) : value);
            }
        }
    }

    /// <summary>Adds every value of a multi-value map (<c>{"k":["a","b"]}</c>).</summary>
    public static void AddMultiMap(JsonElement map, MultiMap target, bool decode = false)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (JsonProperty property in map.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            string name = decode ? UrlDecode(property.Name) : property.Name;
            foreach (JsonElement value in property.Value.EnumerateArray())
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    string text = value.GetString()!;
                    target.Add(name, decode ? UrlDecode(text) : text);
                }
            }
        }
    }

    /// <summary>Parses a raw query string (<c>a=1&amp;a=2&amp;b</c>) into <paramref name="target"/>, decoding <c>%XX</c> and <c>+</c>.</summary>
    public static void AddRawQuery(string? query, MultiMap target)
    {
        if (string.IsNullOrEmpty(query))
        {
            return;
        }
        foreach (Range part in query.AsSpan().Split('&'))
        {
            ReadOnlySpan<char> pair = query.AsSpan(part);
            if (pair.IsEmpty)
            {
                continue;
            }
            int eq = pair.IndexOf('=');
            string name = UrlDecode(eq < 0 ? pair.ToString() : pair[..eq].ToString());
            string value = eq < 0 ? string.Empty : UrlDecode(pair[(eq + 1)..].ToString());
            target.Add(name, value);
        }
    }

    /// <summary>Rebuilds a query string from a map, for triggers that carry none.</summary>
    public static string BuildQuery(MultiMap query)
    {
        var builder = new StringBuilder();
        foreach ((string name, string value) in query)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }
            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }

    public static string UrlDecode(string value)
    {
        if (value.AsSpan().IndexOfAny('%', '+') < 0)
        {
            return value;
        }
        return Uri.UnescapeDataString(value.Replace('+', ' '));
    }

    /// <summary>The body bytes: base64-decoded when the event says so, UTF-8 otherwise; empty when absent.</summary>
    public static ReadOnlyMemory<byte> Body(JsonElement root, string shape)
    {
        string? body = String(root, "body");
        if (string.IsNullOrEmpty(body))
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        if (!Bool(root, "isBase64Encoded"))
        {
            return Encoding.UTF8.GetBytes(body);
        }
        byte[] buffer = new byte[body.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(body, buffer, out int written))
        {
            throw new FaaSRuntimeException(ErrorTypes.InvalidEvent,
                $"The {shape} event says its body is base64 (isBase64Encoded: true), but it is not valid base64.");
        }
        return buffer.AsMemory(0, written);
    }

    /// <summary>Writes <paramref name="body"/> as the event-JSON <c>body</c> and <c>isBase64Encoded</c> fields.</summary>
    public static void WriteBody(Utf8JsonWriter writer, FaaSResponse response)
    {
        ReadOnlySpan<byte> body = response.Body.Span;
        bool text = IsTextual(response.ContentType) && Utf8.IsValid(body);
        if (text)
        {
            writer.WriteString("body"u8, body);
        }
        else
        {
            writer.WriteBase64String("body"u8, body);
        }
        writer.WriteBoolean("isBase64Encoded"u8, !text);
    }

    /// <summary>Whether a body of this content type travels as text; anything else is base64 so binary survives.</summary>
    public static bool IsTextual(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true; // no type: most handlers write text; invalid UTF-8 still falls back to base64
        }
        ReadOnlySpan<char> type = contentType.AsSpan();
        int semicolon = type.IndexOf(';');
        if (semicolon >= 0)
        {
            type = type[..semicolon];
        }
        type = type.Trim();
        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Writes <c>"headers"</c> with one value per name (repeats joined with commas, as these gateways expect) and
    /// <c>Set-Cookie</c> as one value, or as an array of values when there are several and <paramref name="cookiesAsArray"/>.
    /// </summary>
    public static void WriteJoinedHeaders(Utf8JsonWriter writer, FaaSResponse response, bool cookiesAsArray)
    {
        writer.WriteStartObject("headers"u8);
        foreach (string name in response.Headers.Names)
        {
            writer.WriteString(name, string.Join(",", response.Headers.GetValues(name)));
        }
        if (response.Cookies.Count == 1 || (response.Cookies.Count > 1 && !cookiesAsArray))
        {
            writer.WriteString("Set-Cookie"u8, response.Cookies[^1]);
        }
        else if (response.Cookies.Count > 1)
        {
            writer.WriteStartArray("Set-Cookie"u8);
            foreach (string cookie in response.Cookies)
            {
                writer.WriteStringValue(cookie);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    public static void AddPathParameters(JsonElement map, FaaSRequest request)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (JsonProperty property in map.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                request.PathParameters[property.Name] = property.Value.GetString()!;
            }
        }
    }

    public static string StatusText(int status) => status switch
    {
        200 => "OK", 201 => "Created", 202 => "Accepted", 204 => "No Content", 301 => "Moved Permanently", 302 => "Found",
        304 => "Not Modified", 400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found",
        405 => "Method Not Allowed", 409 => "Conflict", 413 => "Payload Too Large", 429 => "Too Many Requests",
        500 => "Internal Server Error", 502 => "Bad Gateway", 503 => "Service Unavailable", 504 => "Gateway Timeout",
        _ => "Status",
    };
}
