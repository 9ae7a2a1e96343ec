using System.Collections.Generic;
using System.Threading;
using Runtime.Engine;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Runtime.Layers.AspNetCore.Tests;

/// <summary>Test data and small fakes.</summary>
internal static class Some
{
    private static int s_next;

    public static string RequestId() => "req-" + Interlocked.Increment(ref s_next);

    public static FunctionInfo Function() => new("fn", "$LATEST", 128, null, "test");

    public static (ILogger Logger, List<LogEvent> Events) Logger()
    {
        var events = new List<LogEvent>();
        ILogger logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new ListSink(events)).CreateLogger();
        return (logger, events);
    }

    private sealed class ListSink : ILogEventSink
    {
        private readonly List<LogEvent> _events;

        public ListSink(List<LogEvent> events) => _events = events;

        public void Emit(LogEvent logEvent)
        {
            lock (_events)
            {
                _events.Add(logEvent);
            }
        }
    }
}
