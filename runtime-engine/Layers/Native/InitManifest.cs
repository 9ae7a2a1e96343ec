using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Serilog.Events;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// Inside a native layer library: the init manifest the bootstrap sent (docs/layer-abi.md, Messages), read in one
/// forward pass with <see cref="Utf8JsonReader"/> (no document is built: this runs on every cold start). Unknown
/// fields are skipped; a setting that is not a string keeps its JSON text, as before.
/// </summary>
internal sealed class InitManifest
{
    private InitManifest()
    {
    }

    public string? Name { get; private set; }

    public long HookTimeoutMs { get; private set; }

    /// <summary>The host's minimum log level; Verbose (everything) when the host did not say.</summary>
    public LogEventLevel LogLevel { get; private set; } = LogEventLevel.Verbose;

    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public string? FunctionName { get; private set; }

    public string? FunctionVersion { get; private set; }

    public long FunctionMemoryMb { get; private set; }

    public string? FunctionHandler { get; private set; }

    public string? FunctionPlatform { get; private set; }

    /// <summary>Reads <paramref name="json"/>; throws <see cref="JsonException"/> when it is not a JSON object.</summary>
    public static InitManifest Parse(ReadOnlySpan<byte> json)
    {
        var manifest = new InitManifest();
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                manifest.Name = Text(ref reader);
            }
            else if (reader.ValueTextEquals("hookTimeoutMs"u8))
            {
                manifest.HookTimeoutMs = Number(ref reader);
            }
            else if (reader.ValueTextEquals("logLevel"u8))
            {
                long level = Number(ref reader);
                manifest.LogLevel = level is >= (long)LogEventLevel.Verbose and <= (long)LogEventLevel.Fatal + 1
                    ? (LogEventLevel)level
                    : LogEventLevel.Verbose;
            }
            else if (reader.ValueTextEquals("settings"u8))
            {
                ReadSettings(ref reader, json, manifest.Settings);
            }
            else if (reader.ValueTextEquals("function"u8))
            {
                manifest.ReadFunction(ref reader);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }
        return manifest;
    }

    private void ReadFunction(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                FunctionName = Text(ref reader);
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                FunctionVersion = Text(ref reader);
            }
            else if (reader.ValueTextEquals("memoryMb"u8))
            {
                FunctionMemoryMb = Number(ref reader);
            }
            else if (reader.ValueTextEquals("handler"u8))
            {
                FunctionHandler = Text(ref reader);
            }
            else if (reader.ValueTextEquals("platform"u8))
            {
                FunctionPlatform = Text(ref reader);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }
    }

    private static void ReadSettings(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Dictionary<string, string> settings)
    {
        if (Next(ref reader) != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            JsonTokenType value = Next(ref reader);
            if (value == JsonTokenType.String)
            {
                settings[key] = reader.GetString()!;
            }
            else if (value is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                // The JSON text of a nested value, as JsonElement.GetRawText gave it.
                long start = reader.TokenStartIndex;
                reader.Skip();
                settings[key] = Encoding.UTF8.GetString(json.Slice((int)start, (int)(reader.BytesConsumed - start)));
            }
            else
            {
                settings[key] = Encoding.UTF8.GetString(reader.ValueSpan);
            }
        }
    }

    /// <summary>The next value as text: a string's value, null for any other kind (which is skipped).</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) == JsonTokenType.String)
        {
            return reader.GetString();
        }
        reader.Skip();
        return null;
    }

    /// <summary>The next value as a whole number; 0 for any other kind (which is skipped).</summary>
    private static long Number(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) == JsonTokenType.Number && reader.TryGetInt64(out long number))
        {
            return number;
        }
        reader.Skip();
        return 0;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The layer message ends too soon.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new JsonException($"A layer message must be a JSON object; it starts with {reader.TokenType}.");
        }
    }
}
