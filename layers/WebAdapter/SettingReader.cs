using System;
using System.Globalization;
using Runtime.Engine.Layers;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// Reads one layer setting from the environment (first name set wins) or the manifest, and remembers where it came from,
/// so a value that does not parse fails with one error naming the layer and the exact variable or manifest key.
/// </summary>
internal readonly struct SettingReader
{
    private static readonly char[] s_notInPath = { ' ', '?', '#', '\t', '\r', '\n' };

    private readonly LayerSettings _settings;

    public SettingReader(LayerSettings settings) => _settings = settings;

    /// <summary>The value and where it was found, or (null, null) when no source sets it.</summary>
    public (string? Value, string? Source) Find(string key, params string[] environmentNames)
    {
        foreach (string name in environmentNames)
        {
            if (_settings.Environment(name) is { } value)
            {
                return (value, name);
            }
        }
        return _settings.All.TryGetValue(key, out string? setting) && !string.IsNullOrWhiteSpace(setting)
            ? (setting.Trim(), "setting '" + key + "'")
            : (null, null);
    }

    public string? String(string key, params string[] environmentNames) => Find(key, environmentNames).Value;

    public int Int(string key, int fallback, int min, int max, params string[] environmentNames)
    {
        (string? text, string? source) = Find(key, environmentNames);
        if (text is null)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }
        throw Invalid(source!, text, $"an integer from {min} to {max}");
    }

    /// <summary>Seconds, fractions allowed (<c>0.5</c>), as AWS Lambda Web Adapter's <c>*_SECONDS</c> variables take them.</summary>
    public double Seconds(string key, double fallback, double min, double max, params string[] environmentNames)
    {
        (string? text, string? source) = Find(key, environmentNames);
        if (text is null)
        {
            return fallback;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            && value >= min && value <= max)
        {
            return value;
        }
        throw Invalid(source!, text, $"a number of seconds from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (for example 4 or 0.5)");
    }

    public bool Bool(string key, bool fallback, params string[] environmentNames)
    {
        (string? text, string? source) = Find(key, environmentNames);
        return text?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw Invalid(source!, text, "true or false"),
        };
    }

    /// <summary>A URL path: must start with '/'.</summary>
    public string? Path(string key, string? fallback, params string[] environmentNames)
    {
        (string? text, string? source) = Find(key, environmentNames);
        if (text is null)
        {
            return fallback;
        }
        if (text.StartsWith('/') && text.IndexOfAny(s_notInPath) < 0)
        {
            return text;
        }
        throw Invalid(source!, text, "a URL path starting with '/' (no spaces, '?' or '#')");
    }

    public StatusCodeSet? Statuses(string key, StatusCodeSet? fallback, params string[] environmentNames)
    {
        (string? text, string? source) = Find(key, environmentNames);
        if (text is null)
        {
            return fallback;
        }
        return StatusCodeSet.TryParse(text, out StatusCodeSet? set)
            ? set
            : throw Invalid(source!, text, "a list of HTTP status codes and ranges from 100 to 599 (for example 200-399,404)");
    }

    public LayerConfigurationException Invalid(string source, string value, string expected) =>
        new(_settings.LayerName, $"{source} is '{value}', not {expected}.");

}
