using System;
using System.Collections.Generic;
using Runtime.Engine.Layers;

namespace Runtime.Layers.Metrics;

/// <summary>
/// The limits CloudWatch puts on an Embedded Metric Format document and on the names in it
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html,
/// and the PutMetricData limits it maps to). Checked once, at RuntimeStart, so a bad setting is one clear
/// configuration error instead of metrics that CloudWatch silently drops.
/// </summary>
internal static class EmfLimits
{
    public const int MaxMetricsPerDocument = 100;
    public const int MaxDimensionsPerSet = 30;
    public const int MaxNameLength = 255;
    public const int MaxDimensionValueLength = 1024;

    /// <summary>Throws when a document would declare more metrics than CloudWatch extracts from one.</summary>
    public static void CheckMetricCount(string layerName, string setting, int count)
    {
        if (count > MaxMetricsPerDocument)
        {
            throw new LayerConfigurationException(layerName,
                $"{setting} gives {count} metrics in one document; CloudWatch EMF takes at most {MaxMetricsPerDocument}.");
        }
    }

    /// <summary>Throws unless <paramref name="name"/> is a metric name CloudWatch accepts: 1 to 255 characters, not only spaces.</summary>
    public static void CheckMetricName(string layerName, string setting, string name)
    {
        if (name.Length is 0 or > MaxNameLength || string.IsNullOrWhiteSpace(name))
        {
            throw new LayerConfigurationException(layerName,
                $"{setting} makes the metric name '{Shorten(name)}' {name.Length} characters long; CloudWatch metric names are 1 to {MaxNameLength} characters.");
        }
    }

    /// <summary>
    /// Throws unless <paramref name="value"/> is a namespace CloudWatch accepts: 1 to 255 characters of letters, digits
    /// and <c>. - _ / # :</c> or space, not starting with <c>AWS/</c> (reserved for AWS services).
    /// </summary>
    public static void CheckNamespace(string layerName, string setting, string value)
    {
        if (value.Length is 0 or > MaxNameLength)
        {
            throw new LayerConfigurationException(layerName,
                $"{setting} is {value.Length} characters long; a CloudWatch namespace is 1 to {MaxNameLength} characters.");
        }
        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '#' or ':' or ' '))
            {
                throw new LayerConfigurationException(layerName,
                    $"{setting} is '{Shorten(value)}', which has the character '{c}'; a CloudWatch namespace has only letters, digits, spaces and . - _ / # :");
            }
        }
        if (value.StartsWith("AWS/", StringComparison.OrdinalIgnoreCase))
        {
            throw new LayerConfigurationException(layerName, $"{setting} is '{Shorten(value)}', which starts with 'AWS/': CloudWatch keeps that for AWS services.");
        }
    }

    /// <summary>
    /// Throws unless the dimension set is one CloudWatch accepts: at most 30 dimensions; names of 1 to 255 printable
    /// ASCII characters, not starting with ':' and not reusing a member name of the document; values of 1 to 1024 characters, not only spaces.
    /// </summary>
    public static void CheckDimensions(string layerName, string setting, IReadOnlyList<KeyValuePair<string, string>> dimensions,
        IReadOnlySet<string> reservedNames)
    {
        if (dimensions.Count > MaxDimensionsPerSet)
        {
            throw new LayerConfigurationException(layerName,
                $"{setting} gives {dimensions.Count} dimensions (service included); CloudWatch EMF takes at most {MaxDimensionsPerSet} in a dimension set.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, string value) in dimensions)
        {
            if (name.Length is 0 or > MaxNameLength || string.IsNullOrWhiteSpace(name))
            {
                throw new LayerConfigurationException(layerName,
                    $"{setting} has a dimension name {name.Length} characters long ('{Shorten(name)}'); CloudWatch dimension names are 1 to {MaxNameLength} characters.");
            }
            foreach (char c in name)
            {
                if (c is < (char)0x21 or > (char)0x7E)
                {
                    throw new LayerConfigurationException(layerName,
                        $"{setting} has the dimension name '{Shorten(name)}' with a character that is not printable ASCII; CloudWatch dimension names are printable ASCII without spaces.");
                }
            }
            if (name[0] == ':')
            {
                throw new LayerConfigurationException(layerName, $"{setting} has the dimension name '{Shorten(name)}', which starts with ':'; CloudWatch does not accept that.");
            }
            if (reservedNames.Contains(name))
            {
                throw new LayerConfigurationException(layerName,
                    $"{setting} has the dimension name '{name}', which the metrics line already uses for its own member; choose another name.");
            }
            if (!seen.Add(name))
            {
                throw new LayerConfigurationException(layerName, $"{setting} names the dimension '{name}' twice.");
            }
            if (value.Length is 0 or > MaxDimensionValueLength || string.IsNullOrWhiteSpace(value))
            {
                throw new LayerConfigurationException(layerName,
                    $"{setting} gives the dimension '{name}' a value {value.Length} characters long; CloudWatch dimension values are 1 to {MaxDimensionValueLength} characters, not only spaces.");
            }
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 37), "...");
}
