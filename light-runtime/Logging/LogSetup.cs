using System.IO;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Runtime.Light.Logging;

/// <summary>Builds the runtime's one logger: Serilog, stdout, one line per event.</summary>
internal static class LogSetup
{
    public static Logger Create(Stream stdout, LogFormat format, LogEventLevel minimumLevel) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(minimumLevel)
            .WriteTo.Sink(new StdoutSink(stdout, format))
            .CreateLogger();
}
