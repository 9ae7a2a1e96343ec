using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Serilog.Core;
using Serilog.Events;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>Keeps every log event and lets a test wait (with an upper bound) for one that matches.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly Lock _gate = new();
    private readonly List<LogEvent> _events = new();
    private readonly List<(Func<LogEvent, bool> Match, TaskCompletionSource<LogEvent> Seen)> _waiters = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            _events.Add(logEvent);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(logEvent))
                {
                    _waiters[i].Seen.TrySetResult(logEvent);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public List<LogEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return new List<LogEvent>(_events);
            }
        }
    }

    public List<LogEvent> At(LogEventLevel level) => Events.FindAll(e => e.Level == level);

    public Task<LogEvent> WaitForAsync(Func<LogEvent, bool> match)
    {
        var seen = new TaskCompletionSource<LogEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            LogEvent? already = _events.Find(e => match(e));
            if (already is not null)
            {
                return Task.FromResult(already);
            }
            _waiters.Add((match, seen));
        }
        return seen.Task.WaitAsync(RawClient.Wait);
    }

    public static bool Has(LogEvent logEvent, string property, object value) =>
        logEvent.Properties.TryGetValue(property, out LogEventPropertyValue? v) && v is ScalarValue s && Equals(s.Value, value);
}
