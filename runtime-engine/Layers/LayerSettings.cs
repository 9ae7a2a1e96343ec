using System;
using System.Collections.Generic;
using System.Globalization;

namespace Runtime.Engine.Layers;

/// <summary>
/// A layer's configuration: its manifest settings, and the process environment (so a layer can accept the
/// configuration names users already know, such as <c>AWS_LWA_PORT</c>). Environment variables override settings.
/// </summary>
public sealed class LayerSettings
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the settings of one layer.</summary>
    public LayerSettings(string layerName, IReadOnlyDictionary<string, string> settings, Func<string, string?> environment)
    {
        LayerName = layerName;
        _settings = settings;
        _environment = environment;
    }

    /// <summary>The layer these settings belong to (named in configuration errors).</summary>
    public string LayerName { get; }

    /// <summary>Every manifest setting.</summary>
    public IReadOnlyDictionary<string, string> All => _settings;

    /// <summary>An environment variable, or null.</summary>
    public string? Environment(string name)
    {
        string? value = _environment(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// The first of <paramref name="environmentNames"/> that is set, else <c>FAAS_LAYER_&lt;LAYER&gt;_&lt;KEY&gt;</c> (what f.yml's
    /// layer settings become at deploy time; <see cref="EnvironmentName"/>), else the manifest setting <paramref name="key"/>, else null.
    /// </summary>
    public string? Get(string key, params string[] environmentNames)
    {
        foreach (string name in environmentNames)
        {
            if (Environment(name) is { } value)
            {
                return value;
            }
        }
        if (Environment(EnvironmentName(LayerName, key)) is { } deployed)
        {
            return deployed;
        }
        return _settings.TryGetValue(key, out string? setting) && !string.IsNullOrWhiteSpace(setting) ? setting.Trim() : null;
    }

    /// <summary>
    /// The variable that sets <paramref name="key"/> of layer <paramref name="layerName"/>: <c>FAAS_LAYER_</c>, the name, <c>_</c>,
    /// the key, upper-cased, every character other than an ASCII letter or digit written as <c>_</c>
    /// (<c>web-adapter</c>, <c>readinessPath</c>: <c>FAAS_LAYER_WEB_ADAPTER_READINESSPATH</c>).
    /// </summary>
    public static string EnvironmentName(string layerName, string key)
    {
        return string.Create(11 + layerName.Length + 1 + key.Length, (layerName, key), static (span, state) =>
        {
            "FAAS_LAYER_".AsSpan().CopyTo(span);
            int at = 11;
            foreach (char c in state.layerName)
            {
                span[at++] = Upper(c);
            }
            span[at++] = '_';
            foreach (char c in state.key)
            {
                span[at++] = Upper(c);
            }
        });

        static char Upper(char c) => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_';
    }

    /// <summary>An integer setting; throws <see cref="LayerConfigurationException"/> naming the setting when it does not parse.</summary>
    public int GetInt(string key, int fallback, int min, int max, params string[] environmentNames)
    {
        string? text = Get(key, environmentNames);
        if (text is null)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }
        throw new LayerConfigurationException(LayerName, $"'{Describe(key, environmentNames)}' is '{text}', not an integer from {min} to {max}.");
    }

    /// <summary>A boolean setting (true/false/1/0/yes/no); throws <see cref="LayerConfigurationException"/> when it does not parse.</summary>
    public bool GetBool(string key, bool fallback, params string[] environmentNames)
    {
        string? text = Get(key, environmentNames);
        return text?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new LayerConfigurationException(LayerName, $"'{Describe(key, environmentNames)}' is '{text}', not true or false."),
        };
    }

    private static string Describe(string key, string[] environmentNames) =>
        environmentNames.Length == 0 ? key : key + " (or " + string.Join(", ", environmentNames) + ")";
}
