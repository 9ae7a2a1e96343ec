using System.Collections.Generic;
using System.Text.Json;
using Runtime.Engine.Json;

namespace Runtime.Layers.Metrics;

/// <summary>
/// The configured dimensions, escaped once at configuration (both formats write them on every line), and the one
/// escaping both formats use for their fixed strings: <see cref="AsciiJsonEncoder"/>, which has no table to build at
/// first use (the inbox relaxed encoder's table would land in a native layer's start).
/// </summary>
internal sealed class EncodedDimensions
{
    public EncodedDimensions(IReadOnlyList<KeyValuePair<string, string>> dimensions)
    {
        Names = new JsonEncodedText[dimensions.Count];
        Values = new JsonEncodedText[dimensions.Count];
        for (int i = 0; i < dimensions.Count; i++)
        {
            Names[i] = Encode(dimensions[i].Key);
            Values[i] = Encode(dimensions[i].Value);
        }
    }

    public JsonEncodedText[] Names { get; }

    public JsonEncodedText[] Values { get; }

    /// <summary><paramref name="text"/> escaped as the metrics lines are.</summary>
    public static JsonEncodedText Encode(string text) => JsonEncodedText.Encode(text, AsciiJsonEncoder.Instance);

    /// <summary>Writes each dimension as a property of the object being written.</summary>
    public void WriteProperties(Utf8JsonWriter json)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            json.WriteString(Names[i], Values[i]);
        }
    }
}
