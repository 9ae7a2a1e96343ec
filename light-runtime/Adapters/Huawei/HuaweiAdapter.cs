using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;
using Runtime.Light.Hosting;
using Runtime.Light.Http;
using Runtime.Light.Logging;
using Serilog;
using Serilog.Events;

namespace Runtime.Light.Adapters.Huawei;

/// <summary>
/// Huawei FunctionGraph custom runtime (event functions): one poll loop against <c>RUNTIME_API_ADDR</c>. The API
/// has no init-ready or init-error call: a start failure is logged and the process exits.
/// </summary>
internal sealed class HuaweiAdapter : IPlatformAdapter
{
    private readonly IEnvironment _environment;
    private readonly EndPoint _endPoint;
    private readonly string _authority;
    private readonly TimeSpan _timeout;
    private readonly int _memoryMb;
    private readonly IHttpEventCodec? _codec;

    private HuaweiAdapter(IEnvironment environment, EndPoint endPoint, string authority, TimeSpan timeout, int memoryMb, IHttpEventCodec? codec)
    {
        _environment = environment;
        _endPoint = endPoint;
        _authority = authority;
        _timeout = timeout;
        _memoryMb = memoryMb;
        _codec = codec;
    }

    public string Platform => HuaweiProtocol.PlatformName;

    public string? PlatformHandler => _environment.Get(HuaweiProtocol.HandlerEnv);

    public LogFormat? PlatformLogFormat => null;

    public LogEventLevel? PlatformLogLevel => null;

    /// <summary>FunctionGraph documents no grace period; two seconds keeps Close bounded.</summary>
    public TimeSpan DefaultCloseTimeout => TimeSpan.FromSeconds(2);

    public static HuaweiAdapter Create(IEnvironment environment, SettingsReader settings, IHttpEventCodec? codec)
    {
        string? api = settings.String(HuaweiProtocol.RuntimeApiEnv);
        if (!EndPointParser.TryParse(api, out EndPoint? endPoint, out string authority))
        {
            throw new ConfigurationException(api is null
                ? $"{HuaweiProtocol.RuntimeApiEnv} is not set; it must be the host:port of the FunctionGraph runtime API."
                : $"{HuaweiProtocol.RuntimeApiEnv}='{api}' is not a host:port.");
        }
        int timeoutSeconds = settings.Int(HuaweiProtocol.TimeoutEnv, 0, 1, 24 * 60 * 60);
        int memory = settings.Int(HuaweiProtocol.MemoryEnv, 0, 1, 1024 * 1024);
        return new HuaweiAdapter(environment, endPoint!, authority, TimeSpan.FromSeconds(timeoutSeconds), memory, codec);
    }

    public FunctionInfo DescribeFunction(string? handler) => new(
        _environment.Get(HuaweiProtocol.FunctionNameEnv) ?? "function",
        _environment.Get(HuaweiProtocol.FunctionVersionEnv) ?? "latest",
        _memoryMb,
        handler,
        Platform);

    /// <summary>FunctionGraph has no init-error call; the Fatal log line and the exit are what it sees.</summary>
    public ValueTask ReportInitErrorAsync(FaaSError error, ILogger logger, CancellationToken cancellationToken = default) => default;

    public Task<ServeOutcome> ServeAsync(FunctionRuntime runtime, ILogger logger, Action ready, CancellationToken stopping) =>
        PollingAdapter.ServeAsync(new HuaweiPollProtocol(_timeout), _endPoint, _authority, 1, runtime, _codec, HuaweiProtocol.MaxEventBytes,
            logger, stopping, firstPollSent: ready);

    public ValueTask DisposeAsync() => default;
}
