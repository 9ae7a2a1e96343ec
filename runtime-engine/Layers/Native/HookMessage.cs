using System;
using System.Text.Json;
using Runtime.Engine.Errors;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// Inside a native layer library: one hook context (docs/layer-abi.md, Messages), read in one forward pass with
/// <see cref="Utf8JsonReader"/>. Invoke hooks are called twice per invocation, so this is on every invocation's path:
/// no document, no copy of the message; only the strings the hooks see are allocated. Unknown fields are skipped.
/// </summary>
internal readonly ref struct HookMessage
{
    public string? RequestId { get; private init; }

    public long DeadlineMs { get; private init; }

    public string? TraceId { get; private init; }

    public bool ColdStart { get; private init; }

    /// <summary>The host's CLOCK_MONOTONIC nanoseconds when the invocation began; 0 when not sent.</summary>
    public long StartedNs { get; private init; }

    public string? Reason { get; private init; }

    /// <summary>What failed the invocation, for the AfterInvoke hooks of a failed one.</summary>
    public FaaSError? Error { get; private init; }

    /// <summary>Reads <paramref name="json"/>; throws <see cref="JsonException"/> when it is not a JSON object.</summary>
    public static HookMessage Parse(ReadOnlySpan<byte> json)
    {
        string? requestId = null;
        long deadlineMs = 0;
        string? traceId = null;
        bool coldStart = false;
        long startedNs = 0;
        string? reason = null;
        FaaSError? failure = null;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A layer hook context must be a JSON object.");
        }
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("requestId"u8))
            {
                requestId = Text(ref reader);
            }
            else if (reader.ValueTextEquals("deadlineMs"u8))
            {
                deadlineMs = Next(ref reader) == JsonTokenType.Number && reader.TryGetInt64(out long deadline) ? deadline : 0;
            }
            else if (reader.ValueTextEquals("traceId"u8))
            {
                traceId = Text(ref reader);
            }
            else if (reader.ValueTextEquals("coldStart"u8))
            {
                coldStart = Next(ref reader) == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("startedNs"u8))
            {
                startedNs = Next(ref reader) == JsonTokenType.Number && reader.TryGetInt64(out long started) ? started : 0;
            }
            else if (reader.ValueTextEquals("reason"u8))
            {
                reason = Text(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                // Only after a failure: the error's shape is read the one way both sides share.
                Next(ref reader);
                using JsonDocument error = JsonDocument.ParseValue(ref reader);
                failure = error.RootElement.ValueKind == JsonValueKind.Object ? NativeMessages.ReadError(error.RootElement) : null;
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }
        return new HookMessage
        {
            RequestId = requestId,
            DeadlineMs = deadlineMs,
            TraceId = traceId,
            ColdStart = coldStart,
            StartedNs = startedNs,
            Reason = reason,
            Error = failure,
        };
    }

    private static string? Text(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) == JsonTokenType.String)
        {
            return reader.GetString();
        }
        reader.Skip();
        return null;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The layer hook context ends too soon.");
}
