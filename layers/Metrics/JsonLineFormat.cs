using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Runtime.Engine;

namespace Runtime.Layers.Metrics;

/// <summary>
/// One flat JSON object per invocation, for the log services of the other clouds (Tencent CLS, Alibaba SLS, Huawei LTS,
/// Azure Monitor, Cloud Logging), which index a JSON line's top-level fields and chart or alert on them:
/// <c>timestamp</c> (ISO 8601 UTC, ms), <c>requestId</c>, <c>function</c>, <c>platform</c>, <c>service</c> and the
/// other dimensions, <c>coldStart</c>, <c>initDurationMs</c> (cold invocation only), <c>durationMs</c>, <c>success</c>,
/// <c>errorType</c> (failures only) and <c>memoryBytes</c> (unless memory sampling is off).
/// </summary>
internal sealed class JsonLineFormat : IMetricsFormat
{
    /// <summary>The line's own field names (dimensions may not reuse them).</summary>
    public static readonly string[] FieldNames =
    {
        "timestamp", "requestId", "function", "platform", "coldStart", "initDurationMs", "durationMs", "success", "errorType", "memoryBytes",
    };

    private static readonly JsonEncodedText s_timestamp = EncodedDimensions.Encode("timestamp");
    private static readonly JsonEncodedText s_requestId = EncodedDimensions.Encode("requestId");
    private static readonly JsonEncodedText s_function = EncodedDimensions.Encode("function");
    private static readonly JsonEncodedText s_platform = EncodedDimensions.Encode("platform");
    private static readonly JsonEncodedText s_coldStart = EncodedDimensions.Encode("coldStart");
    private static readonly JsonEncodedText s_initDurationMs = EncodedDimensions.Encode("initDurationMs");
    private static readonly JsonEncodedText s_durationMs = EncodedDimensions.Encode("durationMs");
    private static readonly JsonEncodedText s_success = EncodedDimensions.Encode("success");
    private static readonly JsonEncodedText s_errorType = EncodedDimensions.Encode("errorType");
    private static readonly JsonEncodedText s_memoryBytes = EncodedDimensions.Encode("memoryBytes");

    private readonly JsonEncodedText _functionValue;
    private readonly JsonEncodedText _platformValue;
    private readonly EncodedDimensions _dimensions;

    public JsonLineFormat(MetricsSettings settings, FunctionInfo function)
    {
        _functionValue = EncodedDimensions.Encode(function.Name);
        _platformValue = EncodedDimensions.Encode(function.Platform);
        _dimensions = new EncodedDimensions(settings.Dimensions);
    }

    public void Write(Utf8JsonWriter json, in InvocationRecord record)
    {
        json.WriteStartObject();
        // yyyy-MM-ddTHH:mm:ss.fffZ, as the runtime's own log lines are stamped; formatted straight into UTF-8.
        Span<byte> timestamp = stackalloc byte[32];
        record.Timestamp.UtcDateTime.TryFormat(timestamp, out int written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        json.WriteString(s_timestamp, timestamp[..written]);
        json.WriteString(s_requestId, record.RequestId);
        json.WriteString(s_function, _functionValue);
        json.WriteString(s_platform, _platformValue);
        _dimensions.WriteProperties(json);
        json.WriteBoolean(s_coldStart, record.ColdStart);
        if (!double.IsNaN(record.InitDurationMs))
        {
            json.WriteNumber(s_initDurationMs, Math.Round(record.InitDurationMs, 3));
        }
        if (!double.IsNaN(record.DurationMs))
        {
            json.WriteNumber(s_durationMs, Math.Round(record.DurationMs, 3));
        }
        json.WriteBoolean(s_success, record.ErrorType is null);
        if (record.ErrorType is { } errorType)
        {
            json.WriteString(s_errorType, errorType);
        }
        if (record.MemoryBytes >= 0)
        {
            json.WriteNumber(s_memoryBytes, record.MemoryBytes);
        }
        json.WriteEndObject();
    }
}
