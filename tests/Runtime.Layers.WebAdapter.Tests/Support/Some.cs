using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using Runtime.Engine;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Runtime.Layers.WebAdapter.Tests.Support;

/// <summary>Test data and small fakes.</summary>
internal static class Some
{
    private static int s_next;

    /// <summary>Upper bound for anything that starts a process (node, dotnet): generous, since CI machines are slow.</summary>
    public static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    public static string RequestId() => "req-" + System.Threading.Interlocked.Increment(ref s_next);

    public static FunctionInfo Function(string platform = "test") => new("webapp", "$LATEST", 256, null, platform);

    /// <summary>A port the OS just chose on 127.0.0.1, released for the app to take.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

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
