using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using Runtime.Engine;

namespace Runtime.Layers.Metrics;

/// <summary>
/// CloudWatch Embedded Metric Format
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
/// one document per invocation with <c>_aws.Timestamp</c> (epoch ms), one metric directive (namespace, one dimension
/// set <c>[service, ...]</c> as Powertools writes it, the metrics with units), the dimension values and metric values
/// as top-level members, and <c>function</c>, <c>requestId</c> and, on failure, <c>errorType</c> as plain properties
/// (searchable in Logs Insights, no metric cost). Every name is encoded once, at start.
/// </summary>
internal sealed class EmfFormat : IMetricsFormat
{
    public const string ServiceDimension = "service";
    public const string ColdStartMetric = "ColdStart";
    public const string InitDurationMetric = "InitDuration";
    public const string DurationMetric = "Duration";
    public const string ErrorsMetric = "Errors";
    public const string MemoryMetric = "MemoryUsed";

    /// <summary>Every metric the layer can declare in one document.</summary>
    public static readonly string[] MetricNames = { ColdStartMetric, InitDurationMetric, DurationMetric, ErrorsMetric, MemoryMetric };

    /// <summary>The document's own members besides metrics and dimensions.</summary>
    public static readonly string[] PropertyNames = { "_aws", "function", "requestId", "errorType" };

    private static readonly JsonEncodedText s_aws = JsonEncodedText.Encode("_aws");
    private static readonly JsonEncodedText s_timestamp = JsonEncodedText.Encode("Timestamp");
    private static readonly JsonEncodedText s_cloudWatchMetrics = JsonEncodedText.Encode("CloudWatchMetrics");
    private static readonly JsonEncodedText s_namespace = JsonEncodedText.Encode("Namespace");
    private static readonly JsonEncodedText s_dimensions = JsonEncodedText.Encode("Dimensions");
    private static readonly JsonEncodedText s_metrics = JsonEncodedText.Encode("Metrics");
    private static readonly JsonEncodedText s_name = JsonEncodedText.Encode("Name");
    private static readonly JsonEncodedText s_unit = JsonEncodedText.Encode("Unit");
    private static readonly JsonEncodedText s_count = JsonEncodedText.Encode("Count");
    private static readonly JsonEncodedText s_milliseconds = JsonEncodedText.Encode("Milliseconds");
    private static readonly JsonEncodedText s_bytes = JsonEncodedText.Encode("Bytes");
    private static readonly JsonEncodedText s_function = JsonEncodedText.Encode("function");
    private static readonly JsonEncodedText s_requestId = JsonEncodedText.Encode("requestId");
    private static readonly JsonEncodedText s_errorType = JsonEncodedText.Encode("errorType");

    private readonly JsonEncodedText _namespaceValue;
    private readonly JsonEncodedText _functionValue;
    private readonly JsonEncodedText[] _dimensionNames;
    private readonly JsonEncodedText[] _dimensionValues;
    private readonly JsonEncodedText _coldStart;
    private readonly JsonEncodedText _initDuration;
    private readonly JsonEncodedText _duration;
    private readonly JsonEncodedText _errors;
    private readonly JsonEncodedText _memory;

    public EmfFormat(MetricsSettings settings, FunctionInfo function)
    {
        JavaScriptEncoder encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        _namespaceValue = JsonEncodedText.Encode(settings.Namespace, encoder);
        _functionValue = JsonEncodedText.Encode(function.Name, encoder);
        IReadOnlyList<KeyValuePair<string, string>> dimensions = settings.Dimensions;
        _dimensionNames = new JsonEncodedText[dimensions.Count];
        _dimensionValues = new JsonEncodedText[dimensions.Count];
        for (int i = 0; i < dimensions.Count; i++)
        {
            _dimensionNames[i] = JsonEncodedText.Encode(dimensions[i].Key, encoder);
            _dimensionValues[i] = JsonEncodedText.Encode(dimensions[i].Value, encoder);
        }
        _coldStart = JsonEncodedText.Encode(settings.Prefix + ColdStartMetric, encoder);
        _initDuration = JsonEncodedText.Encode(settings.Prefix + InitDurationMetric, encoder);
        _duration = JsonEncodedText.Encode(settings.Prefix + DurationMetric, encoder);
        _errors = JsonEncodedText.Encode(settings.Prefix + ErrorsMetric, encoder);
        _memory = JsonEncodedText.Encode(settings.Prefix + MemoryMetric, encoder);
    }

    public void Write(Utf8JsonWriter json, in InvocationRecord record)
    {
        bool hasInit = !double.IsNaN(record.InitDurationMs);
        bool hasDuration = !double.IsNaN(record.DurationMs);
        bool hasMemory = record.MemoryBytes >= 0;

        json.WriteStartObject();
        json.WriteStartObject(s_aws);
        json.WriteNumber(s_timestamp, record.Timestamp.ToUnixTimeMilliseconds());
        json.WriteStartArray(s_cloudWatchMetrics);
        json.WriteStartObject();
        json.WriteString(s_namespace, _namespaceValue);
        json.WriteStartArray(s_dimensions);
        json.WriteStartArray();
        foreach (JsonEncodedText name in _dimensionNames)
        {
            json.WriteStringValue(name);
        }
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray(s_metrics);
        Declare(json, _coldStart, s_count);
        if (hasInit)
        {
            Declare(json, _initDuration, s_milliseconds);
        }
        if (hasDuration)
        {
            Declare(json, _duration, s_milliseconds);
        }
        Declare(json, _errors, s_count);
        if (hasMemory)
        {
            Declare(json, _memory, s_bytes);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        for (int i = 0; i < _dimensionNames.Length; i++)
        {
            json.WriteString(_dimensionNames[i], _dimensionValues[i]);
        }
        json.WriteNumber(_coldStart, record.ColdStart ? 1 : 0);
        if (hasInit)
        {
            json.WriteNumber(_initDuration, Math.Round(record.InitDurationMs, 3));
        }
        if (hasDuration)
        {
            json.WriteNumber(_duration, Math.Round(record.DurationMs, 3));
        }
        json.WriteNumber(_errors, record.ErrorType is null ? 0 : 1);
        if (hasMemory)
        {
            json.WriteNumber(_memory, record.MemoryBytes);
        }
        json.WriteString(s_function, _functionValue);
        json.WriteString(s_requestId, record.RequestId);
        if (record.ErrorType is { } errorType)
        {
            json.WriteString(s_errorType, errorType);
        }
        json.WriteEndObject();
    }

    private static void Declare(Utf8JsonWriter json, JsonEncodedText name, JsonEncodedText unit)
    {
        json.WriteStartObject();
        json.WriteString(s_name, name);
        json.WriteString(s_unit, unit);
        json.WriteEndObject();
    }
}
