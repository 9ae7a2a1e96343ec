using System;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Light.Logging;
using Serilog;
using Serilog.Events;

namespace Runtime.Light.Adapters;

/// <summary>
/// One cloud's custom-runtime protocol. Built from the environment at RuntimeStart (no I/O), asked to report an
/// init error if start fails, and then to serve until stopped or until the platform says the sandbox is broken.
/// </summary>
internal interface IPlatformAdapter : IAsyncDisposable
{
    /// <summary>Short platform name for logs and <see cref="FunctionInfo.Platform"/>.</summary>
    string Platform { get; }

    /// <summary>The handler name the platform configured (its own field, which has defaults of its own).</summary>
    string? PlatformHandler { get; }

    /// <summary>The function's description from the platform's environment.</summary>
    FunctionInfo DescribeFunction(string? handler);

    /// <summary>The log format the platform asks for, if it does.</summary>
    LogFormat? PlatformLogFormat { get; }

    /// <summary>The minimum log level the platform asks for, if it does.</summary>
    LogEventLevel? PlatformLogLevel { get; }

    /// <summary>How long Close may take on this platform by default.</summary>
    TimeSpan DefaultCloseTimeout { get; }

    /// <summary>Tells the platform that start failed, where its protocol has a place for it. Never throws.</summary>
    ValueTask ReportInitErrorAsync(FaaSError error, ILogger logger, CancellationToken cancellationToken = default);

    /// <summary>
    /// Serves invocations until <paramref name="stopping"/> fires or the platform fails. <paramref name="ready"/> runs
    /// once, as soon as the runtime has told the platform it is ready (the first poll is on the wire), or on the
    /// server-model platforms just before the port opens, since the server may answer as soon as it does.
    /// </summary>
    Task<ServeOutcome> ServeAsync(FunctionRuntime runtime, ILogger logger, Action ready, CancellationToken stopping);
}
