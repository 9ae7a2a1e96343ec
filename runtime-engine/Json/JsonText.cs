using System;
using System.Text.Json;
using System.Text.Unicode;

namespace Runtime.Engine.Json;

/// <summary>
/// Whether the strings of a JSON document are text. <see cref="JsonDocument"/> accepts invalid UTF-8 and unpaired
/// surrogate escapes (<c>"\uD800"</c>) inside strings and property names; only reading one (GetString, a property's
/// Name, even TryGetProperty on an object with such a name) throws InvalidOperationException, far from the parse.
/// Readers that must fail only with their own exception check a document with this once, after parsing it
/// (found by tests/Fuzz; RFC 8259 §8.1 requires UTF-8, and I-JSON forbids unpaired surrogates).
/// </summary>
internal static class JsonText
{
    /// <summary>True when <paramref name="json"/> (already accepted by a JSON parser with <paramref name="options"/>) holds only valid text.</summary>
    public static bool IsValid(ReadOnlySpan<byte> json, JsonReaderOptions options = default)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..]; // a UTF-8 BOM: JsonDocument skips it, Utf8JsonReader does not
        }
        if (!Utf8.IsValid(json))
        {
            return false;
        }
        if (json.IndexOf("\\ud"u8) < 0 && json.IndexOf("\\uD"u8) < 0)
        {
            return true; // no surrogate escape at all: the common case costs one vectorised UTF-8 check
        }
        var reader = new Utf8JsonReader(json, options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return false; // the unescaped value is not valid UTF-16: exactly what this method answers
        }
        return true;
    }
}
