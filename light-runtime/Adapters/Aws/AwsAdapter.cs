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

namespace Runtime.Light.Adapters.Aws;

/// <summary>
/// AWS Lambda's custom runtime (<c>provided.al2023</c>): polls the Runtime API, with
/// <c>AWS_LAMBDA_MAX_CONCURRENCY</c> loops on Lambda Managed Instances, one otherwise.
/// </summary>
internal sealed class AwsAdapter : IPlatformAdapter
{
    private readonly IEnvironment _environment;
    private readonly EndPoint _endPoint;
    private readonly string _authority;
    private readonly int _concurrency;
    private readonly int _memoryMb;
    private readonly IHttpEventCodec? _codec;

    private AwsAdapter(IEnvironment environment, EndPoint endPoint, string authority, int concurrency, int memoryMb,
        LogFormat? logFormat, LogEventLevel? logLevel, IHttpEventCodec? codec)
    {
        _environment = environment;
        _endPoint = endPoint;
        _authority = authority;
        _concurrency = concurrency;
        _memoryMb = memoryMb;
        PlatformLogFormat = logFormat;
        PlatformLogLevel = logLevel;
        _codec = codec;
    }

    public string Platform => AwsProtocol.PlatformName;

    public string? PlatformHandler => _environment.Get(AwsProtocol.HandlerEnv);

    public LogFormat? PlatformLogFormat { get; }

    public LogEventLevel? PlatformLogLevel { get; }

    /// <summary>Lambda gives a runtime about 300 ms after SIGTERM (only when an extension is registered).</summary>
    public TimeSpan DefaultCloseTimeout => TimeSpan.FromMilliseconds(300);

    public int Concurrency => _concurrency;

    /// <summary>
    /// Reads the adapter's settings. Throws <see cref="ConfigurationException"/> when the Runtime API address itself
    /// is unusable (nothing can be reported then); other bad values go to <paramref name="settings"/>'s problems.
    /// </summary>
    public static AwsAdapter Create(IEnvironment environment, SettingsReader settings, IHttpEventCodec? codec)
    {
        string? api = settings.String(AwsProtocol.RuntimeApiEnv);
        if (!EndPointParser.TryParse(api, out EndPoint? endPoint, out string authority))
        {
            throw new ConfigurationException(api is null
                ? $"{AwsProtocol.RuntimeApiEnv} is not set; it must be the host:port of the Lambda Runtime API."
                : $"{AwsProtocol.RuntimeApiEnv}='{api}' is not a host:port.");
        }
        int concurrency = settings.Int(AwsProtocol.MaxConcurrencyEnv, 1, 1, 1024);
        int memory = settings.Int(AwsProtocol.MemorySizeEnv, 0, 1, 1024 * 1024);
        LogFormat? format = settings.Format(AwsProtocol.LogFormatEnv);
        LogEventLevel? level = settings.Level(AwsProtocol.LogLevelEnv);
        return new AwsAdapter(environment, endPoint!, authority, concurrency, memory, format, level, codec);
    }

    public FunctionInfo DescribeFunction(string? handler) => new(
        _environment.Get(AwsProtocol.FunctionNameEnv) ?? "function",
        _environment.Get(AwsProtocol.FunctionVersionEnv) ?? "$LATEST",
        _memoryMb,
        handler,
        Platform);

    public ValueTask ReportInitErrorAsync(FaaSError error, ILogger logger, CancellationToken cancellationToken = default)
    {
        using var connection = new HttpConnection(_endPoint, _authority);
        using var body = new PooledBufferWriter(1024);
        using var answer = new PooledBufferWriter(256);
        error.WriteJson(body);
        connection.StartRequest("POST"u8, AwsProtocol.InitErrorPath);
        AwsPollProtocol.AddErrorHeaders(connection, error);
        try
        {
            ResponseHead head = connection.Send(body.WrittenMemory, hasBody: true, answer, 64 * 1024, cancellationToken);
            if (head.StatusCode is < 200 or >= 300)
            {
                logger.Error("The Runtime API answered {StatusCode} to the init error report", head.StatusCode);
            }
        }
        catch (HttpTransportException ex)
        {
            // The process exits non-zero right after this; the init failure itself is already logged at Fatal.
            logger.Error("Reporting the init error to the Runtime API failed: {Reason}", ex.Message);
        }
        return default;
    }

    public Task<ServeOutcome> ServeAsync(FunctionRuntime runtime, ILogger logger, Action ready, CancellationToken stopping)
    {
        var protocol = new AwsPollProtocol(_environment, setTraceEnvironment: _concurrency == 1);
        return PollingAdapter.ServeAsync(protocol, _endPoint, _authority, _concurrency, runtime, _codec, AwsProtocol.MaxEventBytes,
            logger, stopping, firstPollSent: ready);
    }

    public ValueTask DisposeAsync() => default;
}
