using System;
using System.Collections.Generic;
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

    private static readonly JsonEncodedText s_aws = EncodedDimensions.Encode("_aws");
    private static readonly JsonEncodedText s_timestamp = EncodedDimensions.Encode("Timestamp");
    private static readonly JsonEncodedText s_cloudWatchMetrics = EncodedDimensions.Encode("CloudWatchMetrics");
    private static readonly JsonEncodedText s_namespace = EncodedDimensions.Encode("Namespace");
    private static readonly JsonEncodedText s_dimensions = EncodedDimensions.Encode("Dimensions");
    private static readonly JsonEncodedText s_metrics = EncodedDimensions.Encode("Metrics");
    private static readonly JsonEncodedText s_name = EncodedDimensions.Encode("Name");
    private static readonly JsonEncodedText s_unit = EncodedDimensions.Encode("Unit");
    private static readonly JsonEncodedText s_count = EncodedDimensions.Encode("Count");
    private static readonly JsonEncodedText s_milliseconds = EncodedDimensions.Encode("Milliseconds");
    private static readonly JsonEncodedText s_bytes = EncodedDimensions.Encode("Bytes");
    private static readonly JsonEncodedText s_function = EncodedDimensions.Encode("function");
    private static readonly JsonEncodedText s_requestId = EncodedDimensions.Encode("requestId");
    private static readonly JsonEncodedText s_errorType = EncodedDimensions.Encode("errorType");

    private readonly JsonEncodedText _namespaceValue;
    private readonly JsonEncodedText _functionValue;
    private readonly EncodedDimensions _dimensions;
    private readonly JsonEncodedText _coldStart;
    private readonly JsonEncodedText _initDuration;
    private readonly JsonEncodedText _duration;
    private readonly JsonEncodedText _errors;
    private readonly JsonEncodedText _memory;

    public EmfFormat(MetricsSettings settings, FunctionInfo function)
    {
        _namespaceValue = EncodedDimensions.Encode(settings.Namespace);
        _functionValue = EncodedDimensions.Encode(function.Name);
        _dimensions = new EncodedDimensions(settings.Dimensions);
        _coldStart = EncodedDimensions.Encode(settings.Prefix + ColdStartMetric);
        _initDuration = EncodedDimensions.Encode(settings.Prefix + InitDurationMetric);
        _duration = EncodedDimensions.Encode(settings.Prefix + DurationMetric);
        _errors = EncodedDimensions.Encode(settings.Prefix + ErrorsMetric);
        _memory = EncodedDimensions.Encode(settings.Prefix + MemoryMetric);
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
        foreach (JsonEncodedText name in _dimensions.Names)
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

        _dimensions.WriteProperties(json);
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
