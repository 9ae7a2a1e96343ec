using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;
using Runtime.Engine.Json;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// The messages that cross the layer ABI (docs/layer-abi.md): small UTF-8 JSON documents, and for invocations a
/// framed message: a 4-byte little-endian JSON length, the JSON, then the raw body bytes. Shared by both sides.
/// </summary>
internal static class NativeMessages
{
    /// <summary>
    /// JSON's own escaping plus every non-ASCII character as <c>\uXXXX</c> (<see cref="AsciiJsonEncoder"/>): the reader on
    /// the other side gets the same strings, and unlike the inbox encoders it has no table to build at a library's first
    /// write, which would land in the function's cold start (~0.18 ms measured for the default one; docs/benchmarks.md, Layers).
    /// </summary>
    private static readonly JsonWriterOptions s_options = new() { Encoder = AsciiJsonEncoder.Instance };

    public static Utf8JsonWriter Writer(IBufferWriter<byte> output) => new(output, s_options);

    /// <summary>Writes a framed message: JSON header written by <paramref name="header"/>, then <paramref name="body"/>.</summary>
    public static void WriteFramed(PooledBufferWriter output, Action<Utf8JsonWriter> header, ReadOnlySpan<byte> body)
    {
        Span<byte> length = output.GetSpan(4);
        output.Advance(4);
        int start = output.WrittenCount;
        using (Utf8JsonWriter writer = Writer(output))
        {
            header(writer);
        }
        int jsonLength = output.WrittenCount - start;
        BinaryPrimitives.WriteInt32LittleEndian(MemoryMarshal.AsMemory(output.WrittenMemory).Span.Slice(start - 4, 4), jsonLength);
        output.Write(body);
    }

    /// <summary>Splits a framed message into its JSON header and its body.</summary>
    public static (ReadOnlyMemory<byte> Json, ReadOnlyMemory<byte> Body) ReadFramed(ReadOnlyMemory<byte> message)
    {
        if (message.Length < 4)
        {
            throw new FormatException("A framed layer message is shorter than its length prefix.");
        }
        int jsonLength = BinaryPrimitives.ReadInt32LittleEndian(message.Span);
        if (jsonLength < 0 || jsonLength > message.Length - 4)
        {
            throw new FormatException("A framed layer message has a JSON length outside the message.");
        }
        return (message.Slice(4, jsonLength), message[(4 + jsonLength)..]);
    }

    /// <summary>Copies <paramref name="bytes"/> into memory the receiver frees with <c>faas_layer_free</c>.</summary>
    public static unsafe NativeBuffer ToNative(ReadOnlySpan<byte> bytes)
    {
        byte* pointer = (byte*)NativeMemory.Alloc((nuint)Math.Max(bytes.Length, 1));
        bytes.CopyTo(new Span<byte>(pointer, bytes.Length));
        return new NativeBuffer { Pointer = pointer, Length = bytes.Length };
    }

    public static void WriteError(Utf8JsonWriter writer, FaaSError error)
    {
        writer.WriteStartObject("error"u8);
        writer.WriteString("errorType"u8, error.ErrorType);
        writer.WriteString("errorMessage"u8, error.ErrorMessage);
        writer.WriteBoolean("runtime"u8, error.Category == FaaSErrorCategory.Runtime);
        if (error.StackTrace is { } frames)
        {
            writer.WriteStartArray("stackTrace"u8);
            foreach (string frame in frames)
            {
                writer.WriteStringValue(frame);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    public static FaaSError ReadError(JsonElement error)
    {
        string type = Text(error, "errorType") ?? "Runtime.LayerError";
        string message = Text(error, "errorMessage") ?? "The layer reported an error without a message.";
        List<string>? frames = null;
        if (error.TryGetProperty("stackTrace", out JsonElement stack) && stack.ValueKind == JsonValueKind.Array)
        {
            frames = new List<string>();
            foreach (JsonElement frame in stack.EnumerateArray())
            {
                frames.Add(frame.GetString() ?? string.Empty);
            }
        }
        bool runtime = error.TryGetProperty("runtime", out JsonElement r) && r.ValueKind == JsonValueKind.True;
        return new FaaSError(type, message, frames?.ToArray(), runtime ? FaaSErrorCategory.Runtime : FaaSErrorCategory.Function);
    }

    public static void WritePairs(Utf8JsonWriter writer, ReadOnlySpan<byte> name, MultiMap map)
    {
        writer.WriteStartArray(name);
        foreach ((string key, string value) in map)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(key);
            writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    public static void ReadPairs(JsonElement parent, string name, MultiMap target)
    {
        if (!parent.TryGetProperty(name, out JsonElement pairs) || pairs.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (JsonElement pair in pairs.EnumerateArray())
        {
            if (pair.GetArrayLength() == 2)
            {
                target.Add(pair[0].GetString() ?? string.Empty, pair[1].GetString() ?? string.Empty);
            }
        }
    }

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static long Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.TryGetInt64(out long number)
            ? number
            : 0;

    public static bool Flag(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;

    /// <summary>A <see cref="System.Diagnostics.Stopwatch"/> timestamp as CLOCK_MONOTONIC nanoseconds (the clock it reads on Linux).</summary>
    public static long ToMonotonicNs(long timestamp) =>
        System.Diagnostics.Stopwatch.Frequency == 1_000_000_000 ? timestamp : (long)(timestamp * (1e9 / System.Diagnostics.Stopwatch.Frequency));

    /// <summary>The inverse of <see cref="ToMonotonicNs"/>; 0 stays 0 (not sent).</summary>
    public static long FromMonotonicNs(long nanoseconds) =>
        System.Diagnostics.Stopwatch.Frequency == 1_000_000_000 ? nanoseconds : (long)(nanoseconds * (System.Diagnostics.Stopwatch.Frequency / 1e9));

    public static long ToUnixMs(DateTimeOffset deadline) => deadline == DateTimeOffset.MaxValue ? 0 : deadline.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long milliseconds) =>
        milliseconds <= 0 ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
