using System;
using System.Collections.Generic;
using Runtime.Engine;
using Runtime.Engine.Layers;

namespace Runtime.Layers.Metrics;

/// <summary>
/// The layer's settings, read once at RuntimeStart from the manifest (<c>layer.json</c> settings) and the environment
/// (which wins, our <c>FAAS_METRICS_*</c> names before the Powertools ones), and checked against the EMF limits.
/// </summary>
internal sealed class MetricsSettings
{
    public const string NamespaceKey = "namespace";
    public const string ServiceKey = "service";
    public const string FormatKey = "format";
    public const string MemoryKey = "memory";
    public const string DimensionsKey = "dimensions";
    public const string PrefixKey = "prefix";
    public const string DisabledKey = "disabled";

    public const string NamespaceEnv = "FAAS_METRICS_NAMESPACE";
    public const string ServiceEnv = "FAAS_METRICS_SERVICE";
    public const string FormatEnv = "FAAS_METRICS_FORMAT";
    public const string MemoryEnv = "FAAS_METRICS_MEMORY";
    public const string DimensionsEnv = "FAAS_METRICS_DIMENSIONS";
    public const string PrefixEnv = "FAAS_METRICS_PREFIX";
    public const string DisabledEnv = "FAAS_METRICS_DISABLED";

    public const string PowertoolsNamespaceEnv = "POWERTOOLS_METRICS_NAMESPACE";
    public const string PowertoolsServiceEnv = "POWERTOOLS_SERVICE_NAME";
    public const string PowertoolsDisabledEnv = "POWERTOOLS_METRICS_DISABLED";

    public const string DefaultNamespace = "FaaS";

    /// <summary>The platform name the engine is given on AWS Lambda, where the default format is EMF.</summary>
    public const string AwsLambdaPlatform = "aws-lambda";

    private static readonly string[] s_namespaceEnv = { NamespaceEnv, PowertoolsNamespaceEnv };
    private static readonly string[] s_serviceEnv = { ServiceEnv, PowertoolsServiceEnv };
    private static readonly string[] s_formatEnv = { FormatEnv };
    private static readonly string[] s_memoryEnv = { MemoryEnv };
    private static readonly string[] s_dimensionsEnv = { DimensionsEnv };
    private static readonly string[] s_prefixEnv = { PrefixEnv };
    private static readonly string[] s_disabledEnv = { DisabledEnv, PowertoolsDisabledEnv };

    private MetricsSettings(bool enabled, MetricsFormat format, string metricNamespace, string service, MemoryReading memory,
        IReadOnlyList<KeyValuePair<string, string>> dimensions, string prefix)
    {
        Enabled = enabled;
        Format = format;
        Namespace = metricNamespace;
        Service = service;
        Memory = memory;
        Dimensions = dimensions;
        Prefix = prefix;
    }

    /// <summary>False when metrics are switched off; then the layer adds nothing.</summary>
    public bool Enabled { get; }

    public MetricsFormat Format { get; }

    /// <summary>The CloudWatch namespace (EMF only).</summary>
    public string Namespace { get; }

    /// <summary>The service, the first dimension (as Powertools does).</summary>
    public string Service { get; }

    public MemoryReading Memory { get; }

    /// <summary>Every dimension, <c>service</c> first, then the <c>dimensions</c> setting in its order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Dimensions { get; }

    /// <summary>Put before every metric name (EMF only).</summary>
    public string Prefix { get; }

    /// <summary>Reads and checks the settings; throws <see cref="LayerConfigurationException"/> naming the setting that is wrong.</summary>
    public static MetricsSettings Read(LayerSettings settings, FunctionInfo function)
    {
        string layer = settings.LayerName;
        if (settings.GetBool(DisabledKey, false, s_disabledEnv))
        {
            return new MetricsSettings(false, MetricsFormat.Json, DefaultNamespace, function.Name, MemoryReading.Off,
                Array.Empty<KeyValuePair<string, string>>(), "");
        }

        string formatText = settings.Get(FormatKey, s_formatEnv) ?? "auto";
        MetricsFormat format = formatText.ToLowerInvariant() switch
        {
            "auto" => function.Platform == AwsLambdaPlatform ? MetricsFormat.Emf : MetricsFormat.Json,
            "emf" => MetricsFormat.Emf,
            "json" => MetricsFormat.Json,
            _ => throw new LayerConfigurationException(layer, $"'{Describe(FormatKey, s_formatEnv)}' is '{formatText}', not auto, emf or json."),
        };

        string memoryText = settings.Get(MemoryKey, s_memoryEnv) ?? "heap";
        MemoryReading memory = memoryText.ToLowerInvariant() switch
        {
            "heap" or "on" or "true" or "1" or "yes" => MemoryReading.Heap,
            "rss" or "workingset" => MemoryReading.WorkingSet,
            "off" or "false" or "0" or "no" => MemoryReading.Off,
            _ => throw new LayerConfigurationException(layer, $"'{Describe(MemoryKey, s_memoryEnv)}' is '{memoryText}', not heap, rss or off."),
        };

        string metricNamespace = settings.Get(NamespaceKey, s_namespaceEnv) ?? DefaultNamespace;
        EmfLimits.CheckNamespace(layer, $"'{Describe(NamespaceKey, s_namespaceEnv)}'", metricNamespace);

        string service = settings.Get(ServiceKey, s_serviceEnv) ?? function.Name;
        string prefix = settings.Get(PrefixKey, s_prefixEnv) ?? "";

        var dimensions = new List<KeyValuePair<string, string>> { new(EmfFormat.ServiceDimension, service) };
        string dimensionsSetting = $"'{Describe(DimensionsKey, s_dimensionsEnv)}'";
        if (settings.Get(DimensionsKey, s_dimensionsEnv) is { } dimensionsText)
        {
            foreach (string pair in dimensionsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int equals = pair.IndexOf('=');
                if (equals <= 0)
                {
                    throw new LayerConfigurationException(layer, $"{dimensionsSetting} has '{pair}', not name=value (pairs are separated by commas).");
                }
                string name = pair[..equals].Trim();
                if (name == EmfFormat.ServiceDimension)
                {
                    throw new LayerConfigurationException(layer,
                        $"{dimensionsSetting} names the dimension 'service', which is always there; set it with '{Describe(ServiceKey, s_serviceEnv)}'.");
                }
                dimensions.Add(new(name, pair[(equals + 1)..].Trim()));
            }
        }

        // Checked on every platform, not only where EMF is written: one f.yml is deployed everywhere, and a setting
        // that would break on AWS should fail the first deploy, wherever it is.
        var reserved = new HashSet<string>(JsonLineFormat.FieldNames, StringComparer.Ordinal);
        reserved.UnionWith(EmfFormat.PropertyNames);
        string prefixSetting = $"'{Describe(PrefixKey, s_prefixEnv)}'";
        int metricCount = 0;
        foreach (string metric in EmfFormat.MetricNames)
        {
            string name = prefix + metric;
            EmfLimits.CheckMetricName(layer, prefixSetting, name);
            reserved.Add(name);
            metricCount++;
        }
        EmfLimits.CheckMetricCount(layer, prefixSetting, metricCount);
        EmfLimits.CheckDimensions(layer, $"'{Describe(ServiceKey, s_serviceEnv)}'", dimensions.GetRange(0, 1), reserved);
        EmfLimits.CheckDimensions(layer, dimensionsSetting, dimensions, reserved);

        return new MetricsSettings(true, format, metricNamespace, service, memory, dimensions, prefix);
    }

    private static string Describe(string key, string[] environmentNames) => key + " (or " + string.Join(", ", environmentNames) + ")";
}
