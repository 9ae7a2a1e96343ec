using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// Inside a native layer library: the layer's logger, whose Serilog pipeline is built on its first enabled event
/// instead of at init. Building it costs ~0.1 ms of a layer's start (measured, docs/benchmarks.md, Layers), and a
/// layer that logs nothing at the host's level (a metrics layer at Information, a silent probe) never pays it.
/// <see cref="IsEnabled"/> answers from the host's minimum level alone; every other entry point Serilog's
/// <see cref="ILogger"/> does not implement on top of these members is forwarded to the real logger. Like every
/// <see cref="ILogger"/>, it never throws.
/// </summary>
internal sealed class DeferredLogger : ILogger
{
    private readonly Lazy<ILogger> _logger;
    private readonly LogEventLevel _minimum;

    public DeferredLogger(Func<ILogger> create, LogEventLevel minimum)
    {
        _logger = new Lazy<ILogger>(create, LazyThreadSafetyMode.ExecutionAndPublication);
        _minimum = minimum;
    }

    /// <summary>Whether the pipeline has been built (for tests and the start-up figures).</summary>
    public bool IsCreated => _logger.IsValueCreated;

    public ILogger ForContext(ILogEventEnricher enricher) =>
        new DeferredLogger(() => _logger.Value.ForContext(enricher), _minimum);

    public ILogger ForContext(string propertyName, object? value, bool destructureObjects = false) =>
        new DeferredLogger(() => _logger.Value.ForContext(propertyName, value, destructureObjects), _minimum);

    public bool IsEnabled(LogEventLevel level) => level >= _minimum;

    public void Write(LogEvent logEvent)
    {
        if (logEvent is not null && IsEnabled(logEvent.Level))
        {
            _logger.Value.Write(logEvent);
        }
    }

    public void Write(LogEventLevel level, Exception? exception, string messageTemplate, params object?[]? propertyValues)
    {
        if (IsEnabled(level))
        {
            _logger.Value.Write(level, exception, messageTemplate, propertyValues);
        }
    }

    public bool BindMessageTemplate(string messageTemplate, object?[]? propertyValues,
        [NotNullWhen(true)] out MessageTemplate? parsedTemplate, [NotNullWhen(true)] out IEnumerable<LogEventProperty>? boundProperties) =>
        _logger.Value.BindMessageTemplate(messageTemplate, propertyValues, out parsedTemplate, out boundProperties);

    public bool BindProperty(string? propertyName, object? value, bool destructureObjects, [NotNullWhen(true)] out LogEventProperty? property) =>
        _logger.Value.BindProperty(propertyName, value, destructureObjects, out property);
}
