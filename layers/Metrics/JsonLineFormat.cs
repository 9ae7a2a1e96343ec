using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
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

    private static readonly JsonEncodedText s_timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText s_requestId = JsonEncodedText.Encode("requestId");
    private static readonly JsonEncodedText s_function = JsonEncodedText.Encode("function");
    private static readonly JsonEncodedText s_platform = JsonEncodedText.Encode("platform");
    private static readonly JsonEncodedText s_coldStart = JsonEncodedText.Encode("coldStart");
    private static readonly JsonEncodedText s_initDurationMs = JsonEncodedText.Encode("initDurationMs");
    private static readonly JsonEncodedText s_durationMs = JsonEncodedText.Encode("durationMs");
    private static readonly JsonEncodedText s_success = JsonEncodedText.Encode("success");
    private static readonly JsonEncodedText s_errorType = JsonEncodedText.Encode("errorType");
    private static readonly JsonEncodedText s_memoryBytes = JsonEncodedText.Encode("memoryBytes");

    private readonly JsonEncodedText _functionValue;
    private readonly JsonEncodedText _platformValue;
    private readonly JsonEncodedText[] _dimensionNames;
    private readonly JsonEncodedText[] _dimensionValues;

    public JsonLineFormat(MetricsSettings settings, FunctionInfo function)
    {
        JavaScriptEncoder encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        _functionValue = JsonEncodedText.Encode(function.Name, encoder);
        _platformValue = JsonEncodedText.Encode(function.Platform, encoder);
        IReadOnlyList<KeyValuePair<string, string>> dimensions = settings.Dimensions;
        _dimensionNames = new JsonEncodedText[dimensions.Count];
        _dimensionValues = new JsonEncodedText[dimensions.Count];
        for (int i = 0; i < dimensions.Count; i++)
        {
            _dimensionNames[i] = JsonEncodedText.Encode(dimensions[i].Key, encoder);
            _dimensionValues[i] = JsonEncodedText.Encode(dimensions[i].Value, encoder);
        }
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
        for (int i = 0; i < _dimensionNames.Length; i++)
        {
            json.WriteString(_dimensionNames[i], _dimensionValues[i]);
        }
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
