using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Runtime.Engine.Tests;

/// <summary>Test data and small fakes.</summary>
internal static class Some
{
    private static int s_next;

    public static string RequestId() => "req-" + System.Threading.Interlocked.Increment(ref s_next);

    public static FunctionInfo Function(string platform = "test") => new("fn", "$LATEST", 128, null, platform);

    public static Invocation Invocation(string payload, PooledBufferWriter output, DateTimeOffset? deadline = null) => new()
    {
        RequestId = RequestId(),
        Payload = Encoding.UTF8.GetBytes(payload),
        Output = output,
        Deadline = deadline ?? DateTimeOffset.MaxValue,
    };

    public static (ILogger Logger, List<LogEvent> Events) Logger()
    {
        var events = new List<LogEvent>();
        ILogger logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new ListSink(events)).CreateLogger();
        return (logger, events);
    }

    public static async Task<FunctionRuntime> StartedRuntime(FunctionAppBuilder builder, string? handler = null, bool explicitHandler = false)
    {
        var runtime = new FunctionRuntime(builder, Function(), Logger().Logger, handler, explicitHandler);
        await runtime.StartRuntimeAsync();
        await runtime.StartFunctionAsync();
        return runtime;
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
