using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;
using Runtime.Light.Hosting;
using Runtime.Light.Http;
using Runtime.Light.Logging;
using Serilog;
using Serilog.Events;

namespace Runtime.Light.Adapters.Tencent;

/// <summary>
/// Tencent SCF custom runtime (event functions): <c>POST /runtime/init/ready</c> once start has succeeded, then one
/// poll loop (the API has no request id in its paths, so invocations are strictly one at a time).
/// </summary>
internal sealed class ScfAdapter : IPlatformAdapter
{
    private readonly IEnvironment _environment;
    private readonly EndPoint _endPoint;
    private readonly string _authority;
    private readonly IHttpEventCodec? _codec;
    private readonly Action<int>? _memoryKnown;

    private ScfAdapter(IEnvironment environment, EndPoint endPoint, string authority, IHttpEventCodec? codec, Action<int>? memoryKnown)
    {
        _environment = environment;
        _endPoint = endPoint;
        _authority = authority;
        _codec = codec;
        _memoryKnown = memoryKnown;
    }

    public string Platform => ScfProtocol.PlatformName;

    public string? PlatformHandler => _environment.Get(ScfProtocol.HandlerEnv);

    public LogFormat? PlatformLogFormat => null;

    public LogEventLevel? PlatformLogLevel => null;

    /// <summary>SCF documents no grace period after SIGTERM; two seconds keeps Close short and bounded.</summary>
    public TimeSpan DefaultCloseTimeout => TimeSpan.FromSeconds(2);

    public static ScfAdapter Create(IEnvironment environment, SettingsReader settings, IHttpEventCodec? codec, Action<int>? memoryKnown)
    {
        string? host = settings.String(ScfProtocol.RuntimeApiEnv);
        string? portText = settings.String(ScfProtocol.RuntimeApiPortEnv);
        if (host is null || portText is null)
        {
            throw new ConfigurationException(
                $"{ScfProtocol.RuntimeApiEnv} and {ScfProtocol.RuntimeApiPortEnv} must both be set to reach the SCF runtime API.");
        }
        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port)
            || !EndPointParser.TryCreate(host, port, out EndPoint? endPoint, out string authority))
        {
            throw new ConfigurationException($"{ScfProtocol.RuntimeApiEnv}='{host}' with {ScfProtocol.RuntimeApiPortEnv}='{portText}' is not a usable host and port.");
        }
        return new ScfAdapter(environment, endPoint!, authority, codec, memoryKnown);
    }

    public FunctionInfo DescribeFunction(string? handler) => new(
        _environment.Get(ScfProtocol.FunctionNameEnv) ?? "function",
        _environment.Get(ScfProtocol.FunctionVersionEnv) ?? "$LATEST",
        0,
        handler,
        Platform);

    /// <summary>
    /// SCF has no init-error call: a runtime that fails to start logs to stdout and exits, and SCF reports an
    /// initialisation failure with those logs (SCF custom runtime docs, "Logs and exceptions").
    /// </summary>
    public ValueTask ReportInitErrorAsync(FaaSError error, ILogger logger, CancellationToken cancellationToken = default) => default;

    public Task<ServeOutcome> ServeAsync(FunctionRuntime runtime, ILogger logger, Action ready, CancellationToken stopping)
    {
        var connection = new HttpConnection(_endPoint, _authority);
        using (var answer = new PooledBufferWriter(256))
        {
            try
            {
                connection.StartRequest("POST"u8, ScfProtocol.InitReadyPath);
                ResponseHead head = connection.Send(ScfProtocol.InitReadyBody.ToArray(), hasBody: true, answer, 64 * 1024, stopping);
                if (head.StatusCode is < 200 or >= 300)
                {
                    logger.Fatal("The SCF runtime API answered {StatusCode} to init/ready; the instance cannot go on", head.StatusCode);
                    connection.Dispose();
                    return Task.FromResult(ServeOutcome.PlatformFailed);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                connection.Dispose();
                return Task.FromResult(ServeOutcome.Stopped);
            }
            catch (HttpTransportException ex)
            {
                logger.Fatal("Telling SCF that init is done (init/ready) failed: {Reason}", ex.Message);
                connection.Dispose();
                return Task.FromResult(ServeOutcome.PlatformFailed);
            }
        }
        var protocol = new ScfPollProtocol(_memoryKnown);
        return PollingAdapter.ServeAsync(protocol, _endPoint, _authority, 1, runtime, _codec, ScfProtocol.MaxEventBytes, logger, stopping,
            firstConnection: connection, firstPollSent: ready);
    }

    public ValueTask DisposeAsync() => default;
}
