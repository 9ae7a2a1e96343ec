using System;
using System.Collections.Generic;
using System.Globalization;
using Runtime.Light.Logging;
using Serilog.Events;

namespace Runtime.Light.Hosting;

/// <summary>
/// Reads typed settings from the environment and collects every value that does not parse, so a bad
/// configuration is reported once, naming each variable, what it held and what was expected.
/// </summary>
internal sealed class SettingsReader
{
    private readonly IEnvironment _environment;
    private readonly List<string> _problems = new();

    public SettingsReader(IEnvironment environment) => _environment = environment;

    public IReadOnlyList<string> Problems => _problems;

    public string? String(string name)
    {
        string? value = _environment.Get(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public int Int(string name, int fallback, int min, int max)
    {
        string? text = String(name);
        if (text is null)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }
        _problems.Add($"{name}='{Shorten(text)}' is not an integer from {min} to {max}.");
        return fallback;
    }

    public LogEventLevel? Level(string name)
    {
        string? text = String(name);
        if (text is null)
        {
            return null;
        }
        LogEventLevel? level = text.ToUpperInvariant() switch
        {
            "TRACE" or "VERBOSE" => LogEventLevel.Verbose,
            "DEBUG" => LogEventLevel.Debug,
            "INFO" or "INFORMATION" => LogEventLevel.Information,
            "WARN" or "WARNING" => LogEventLevel.Warning,
            "ERROR" => LogEventLevel.Error,
            "FATAL" or "CRITICAL" => LogEventLevel.Fatal,
            _ => null,
        };
        if (level is null)
        {
            _problems.Add($"{name}='{Shorten(text)}' is not a log level (TRACE, DEBUG, INFO, WARN, ERROR or FATAL).");
        }
        return level;
    }

    public LogFormat? Format(string name)
    {
        string? text = String(name);
        if (text is null)
        {
            return null;
        }
        if (text.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return LogFormat.Json;
        }
        if (text.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            return LogFormat.Text;
        }
        _problems.Add($"{name}='{Shorten(text)}' is not a log format (JSON or Text).");
        return null;
    }

    public void Problem(string message) => _problems.Add(message);

    // Values are echoed in errors so a user sees the typo; a long value is cut, since it is not what they meant.
    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
