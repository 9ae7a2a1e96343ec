using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;
using Serilog.Events;
using MelILogger = Microsoft.Extensions.Logging.ILogger;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// Sends the app's <c>Microsoft.Extensions.Logging</c> events to the runtime's Serilog logger, so they come out as the
/// bootstrap's own JSON lines, with <c>SourceContext</c> (the category) and, inside a request, the invocation's
/// <c>RequestId</c> (from ASP.NET Core's request scope, whose id is the invocation's). The runtime's logger exists only
/// once the bootstrap runs, after the app is built: events before that are kept (up to a limit) and written when the
/// layer attaches it at RuntimeStart.
/// </summary>
internal sealed class RuntimeLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private const int EarlyLimit = 256;

    private readonly object _gate = new();
    private Serilog.ILogger? _target;
    private List<EarlyEvent>? _early;
    private int _dropped;
    private IExternalScopeProvider? _scopes;

    /// <summary>The runtime's logger, once attached.</summary>
    public Serilog.ILogger? Target => Volatile.Read(ref _target);

    /// <summary>The logger factory's scopes (the request scope carries <c>RequestId</c>).</summary>
    public IExternalScopeProvider? Scopes => _scopes;

    public MelILogger CreateLogger(string categoryName) => new RuntimeLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Starts writing to <paramref name="target"/>, first what was logged before.</summary>
    public void Attach(Serilog.ILogger target)
    {
        ArgumentNullException.ThrowIfNull(target);
        List<EarlyEvent>? early;
        int dropped;
        lock (_gate)
        {
            early = _early;
            dropped = _dropped;
            _early = null;
            _dropped = 0;
            Volatile.Write(ref _target, target);
        }
        if (early is not null)
        {
            foreach (EarlyEvent item in early)
            {
                Emit(target, item.Category, item.Level, item.Exception, item.Template, item.Values, item.RequestId);
            }
        }
        if (dropped > 0)
        {
            target.Warning("{DroppedCount} log events of the ASP.NET Core app from before the runtime started were dropped (only the first {KeptCount} are kept)",
                dropped, EarlyLimit);
        }
    }

    public void Write(string category, LogEventLevel level, Exception? exception, string template, object?[] values, string? requestId)
    {
        Serilog.ILogger? target = Target;
        if (target is null)
        {
            lock (_gate)
            {
                if (_target is null)
                {
                    if ((_early ??= new List<EarlyEvent>()).Count < EarlyLimit)
                    {
                        _early.Add(new EarlyEvent(category, level, exception, template, values, requestId));
                    }
                    else
                    {
                        _dropped++;
                    }
                    return;
                }
                target = _target;
            }
        }
        Emit(target, category, level, exception, template, values, requestId);
    }

    public void Dispose()
    {
        // The runtime's logger belongs to the bootstrap, which flushes and disposes it.
    }

    private static void Emit(Serilog.ILogger target, string category, LogEventLevel level, Exception? exception, string template,
        object?[] values, string? requestId)
    {
        Serilog.ILogger logger = target.ForContext("SourceContext", category);
        if (requestId is not null)
        {
            logger = logger.ForContext("RequestId", requestId);
        }
        logger.Write(level, exception, template, values);
    }

    private readonly record struct EarlyEvent(string Category, LogEventLevel Level, Exception? Exception, string Template, object?[] Values, string? RequestId);
}
