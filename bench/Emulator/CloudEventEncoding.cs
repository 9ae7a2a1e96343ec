using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Runtime.Emulator;

/// <summary>
/// CloudEvents 1.0 HTTP protocol binding (protocols.md §6.1): binary-mode header values and structured-mode JSON.
/// </summary>
internal static class CloudEventEncoding
{
    private static readonly HashSet<string> s_contextAttributes = new(StringComparer.Ordinal)
    {
        "id", "source", "specversion", "type", "subject", "time", "datacontenttype", "dataschema", "data", "data_base64",
    };

    /// <summary>
    /// Percent-encodes a binary-mode header value: the UTF-8 bytes of space, <c>"</c>, <c>%</c> and every character
    /// outside printable ASCII (U+0021–U+007E) become <c>%XX</c>; everything else is sent as is.
    /// </summary>
    public static string PercentEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            if (b is <= 0x20 or 0x22 or 0x25 or >= 0x7F)
            {
                builder.Append('%').Append(((int)b).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    public static void Validate(CloudEvent cloudEvent)
    {
        ArgumentException.ThrowIfNullOrEmpty(cloudEvent.Id);
        ArgumentException.ThrowIfNullOrEmpty(cloudEvent.Source);
        ArgumentException.ThrowIfNullOrEmpty(cloudEvent.Type);
        ArgumentException.ThrowIfNullOrEmpty(cloudEvent.SpecVersion);
        if (cloudEvent.Extensions is null)
        {
            return;
        }

        foreach (string name in cloudEvent.Extensions.Keys)
        {
            bool valid = name.Length > 0 && !s_contextAttributes.Contains(name);
            foreach (char c in name)
            {
                valid &= c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            }

            if (!valid)
            {
                throw new ArgumentException($"'{name}' is not a valid CloudEvents extension attribute name (lower-case a-z, 0-9, not a context attribute).");
            }
        }
    }

    /// <summary>The structured-mode JSON: attributes, extensions, then <c>data</c> or <c>data_base64</c>.</summary>
    public static byte[] ToStructuredJson(CloudEvent cloudEvent, bool dataAsBase64)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + cloudEvent.Data.Length * 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", cloudEvent.SpecVersion);
            writer.WriteString("id", cloudEvent.Id);
            writer.WriteString("source", cloudEvent.Source);
            writer.WriteString("type", cloudEvent.Type);
            WriteOptional(writer, "subject", cloudEvent.Subject);
            WriteOptional(writer, "time", cloudEvent.Time);
            WriteOptional(writer, "datacontenttype", cloudEvent.DataContentType);
            WriteOptional(writer, "dataschema", cloudEvent.DataSchema);
            if (cloudEvent.Extensions is not null)
            {
                foreach (KeyValuePair<string, string> extension in cloudEvent.Extensions)
                {
                    writer.WriteString(extension.Key, extension.Value);
                }
            }

            ReadOnlySpan<byte> data = cloudEvent.Data.Span;
            if (data.Length > 0)
            {
                if (dataAsBase64)
                {
                    writer.WriteBase64String("data_base64", data);
                }
                else if (IsJson(cloudEvent.DataContentType) && IsValidJson(data))
                {
                    // JSON data is embedded as a JSON value (JSON event format §3.1).
                    writer.WritePropertyName("data");
                    writer.WriteRawValue(data, skipInputValidation: true);
                }
                else if (IsText(cloudEvent.DataContentType))
                {
                    writer.WriteString("data", Encoding.UTF8.GetString(data));
                }
                else
                {
                    writer.WriteBase64String("data_base64", data);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static bool IsJson(string? contentType)
    {
        // An absent datacontenttype means application/json in the JSON event format.
        if (contentType is null)
        {
            return true;
        }

        string mediaType = MediaType(contentType);
        return mediaType is "application/json" or "text/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);
    }

    private static bool IsText(string? contentType) =>
        contentType is not null && (MediaType(contentType).StartsWith("text/", StringComparison.Ordinal) || MediaType(contentType).EndsWith("+xml", StringComparison.Ordinal) || MediaType(contentType) == "application/xml");

    private static string MediaType(string contentType)
    {
        int semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }

    private static bool IsValidJson(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            // Not JSON after all: the caller sends it as a string or base64 instead, so nothing is lost.
            return false;
        }
    }
}
