using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace Runtime.Layers.AspNetCore;

/// <summary>One category's logger of <see cref="RuntimeLoggerProvider"/>.</summary>
internal sealed class RuntimeLogger : Microsoft.Extensions.Logging.ILogger
{
    private const string OriginalFormat = "{OriginalFormat}";

    private readonly string _category;
    private readonly RuntimeLoggerProvider _provider;

    public RuntimeLogger(string category, RuntimeLoggerProvider provider)
    {
        _category = category;
        _provider = provider;
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _provider.Scopes?.Push(state);

    public bool IsEnabled(LogLevel logLevel) =>
        logLevel != LogLevel.None && (_provider.Target is not { } target || target.IsEnabled(Level(logLevel)));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        string template;
        object?[] values;
        if (state is IReadOnlyList<KeyValuePair<string, object?>> { Count: > 0 } pairs
            && pairs[^1] is { Key: OriginalFormat, Value: string format })
        {
            // The app's message template with its values in order: Serilog binds them by position, so the event keeps
            // its properties (as structured as the app wrote them) instead of only the rendered text.
            template = format;
            values = new object?[pairs.Count - 1];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = pairs[i].Value;
            }
        }
        else
        {
            template = "{Message:l}";
            values = new object?[] { formatter(state, exception) };
        }
        _provider.Write(_category, Level(logLevel), exception, template, values, RequestId());
    }

    private string? RequestId()
    {
        if (_provider.Scopes is not { } scopes)
        {
            return null;
        }
        var found = new StrongBox<string?>();
        scopes.ForEachScope(static (scope, box) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (KeyValuePair<string, object?> pair in pairs)
                {
                    if (pair.Key == "RequestId" && pair.Value is string id)
                    {
                        box.Value = id;
                    }
                }
            }
        }, found);
        return found.Value;
    }

    private static LogEventLevel Level(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };
}
