using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Light.Hosting;
using Runtime.Light.Http.Server;
using Runtime.Light.Logging;
using Serilog;
using Serilog.Events;

namespace Runtime.Light.Adapters.Server;

/// <summary>
/// A server-model platform: after FunctionStart, bind the platform's port and serve its requests concurrently with
/// <see cref="HttpServer"/> until stopped; then stop accepting, let requests in flight finish (within part of the
/// grace period), and let the host run Close. The platform's protocol is an <see cref="IServerPlatform"/>.
/// These platforms have no init-error call: a failed start is logged and the process exits without opening the port.
/// </summary>
internal sealed class ServerAdapter : IPlatformAdapter
{
    private readonly IServerPlatform _platform;
    private readonly IPEndPoint _endPoint;
    private readonly Func<string?, FunctionInfo> _describe;
    private readonly string? _handler;
    private readonly HttpServerOptions _options;

    private readonly TimeSpan? _timeout;
    private readonly TimeSpan? _platformTimeout;

    public ServerAdapter(IServerPlatform platform, IPEndPoint endPoint, Func<string?, FunctionInfo> describe, string? platformHandler,
        TimeSpan defaultCloseTimeout, TimeSpan? timeout = null, TimeSpan? platformTimeout = null)
    {
        _timeout = timeout;
        _platformTimeout = platformTimeout;
        _platform = platform;
        _endPoint = endPoint;
        _describe = describe;
        _handler = platformHandler;
        DefaultCloseTimeout = defaultCloseTimeout;
        _options = new HttpServerOptions { EndPoint = endPoint };
    }

    public string Platform => _platform.Platform;

    public string? PlatformHandler => _handler;

    public LogFormat? PlatformLogFormat => null;

    public LogEventLevel? PlatformLogLevel => null;

    public TimeSpan DefaultCloseTimeout { get; }

    /// <summary>The address the server listens on.</summary>
    public IPEndPoint EndPoint => _endPoint;

    public FunctionInfo DescribeFunction(string? handler) => _describe(handler);

    public ValueTask ReportInitErrorAsync(FaaSError error, ILogger logger, CancellationToken cancellationToken = default) => default;

    public async Task<ServeOutcome> ServeAsync(FunctionRuntime runtime, ILogger logger, Action ready, CancellationToken stopping)
    {
        var invoker = new ServerInvoker(runtime, logger, _platform.Platform, (reason, budget) => runtime.CloseAsync(reason, budget),
            _timeout, _platformTimeout);
        if ((_timeout ?? _platformTimeout) is { } timeout)
        {
            logger.Debug("Invocations without a deadline of their own get {TimeoutS:F0} s ({Source})", timeout.TotalSeconds,
                _timeout is null ? "the platform's configured timeout" : RuntimeEnv.Timeout);
        }
        // Before the port opens, not after: a connection's thread can answer the first request before this thread
        // gets back from Start, and a SIGTERM right after that answer must already find the host's handlers.
        ready();
        HttpServer server;
        try
        {
            server = HttpServer.Start(_options, new RequestHandler(_platform, invoker), logger);
        }
        catch (SocketException ex)
        {
            logger.Fatal("Cannot listen on {EndPoint}: {Reason}", _endPoint.ToString(), ex.Message);
            return ServeOutcome.PlatformFailed;
        }
        await using (server.ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The stop signal: drain below.
            }
            // Half the grace period drains requests in flight; the host's Close gets the rest.
            await server.StopAsync(DefaultCloseTimeout / 2).ConfigureAwait(false);
            logger.Debug("Served {Requests} requests", server.RequestsServed);
        }
        return ServeOutcome.Stopped;
    }

    public ValueTask DisposeAsync() => default;

    private sealed class RequestHandler : IHttpRequestHandler
    {
        private readonly IServerPlatform _platform;
        private readonly ServerInvoker _invoker;

        public RequestHandler(IServerPlatform platform, ServerInvoker invoker)
        {
            _platform = platform;
            _invoker = invoker;
        }

        public ValueTask HandleAsync(HttpServerRequest request, HttpServerResponse response, CancellationToken cancellationToken) =>
            _platform.ServeAsync(request, response, _invoker, cancellationToken);
    }
}
