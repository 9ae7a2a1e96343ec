using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>
/// Huawei Cloud FunctionGraph calling an HTTP function (a <c>bootstrap</c> start script runs a web server on port 8000;
/// APIG/APIC triggers only). Here the port is a free one (see <see cref="HuaweiHttpEmulatorOptions.PortVariable"/>).
/// Readiness: TCP accept, then <c>GET /</c> answered (any status).
/// </summary>
/// <remarks>
/// Headers the platform adds after the client's own, as the FunctionGraph "Creating an HTTP Function" page lists them
/// ("Default request header fields"): <c>X-CFF-Request-Id</c>, <c>X-CFF-Memory</c> (MB), <c>X-CFF-Timeout</c> (s),
/// <c>X-CFF-Func-Version</c>, <c>X-CFF-Func-Name</c>, <c>X-CFF-Project-Id</c>, <c>X-CFF-Package</c>, <c>X-CFF-Region</c>.
/// </remarks>
public sealed class HuaweiHttpEmulator : IServerPlatformEmulator
{
    private readonly HuaweiHttpEmulatorOptions _options;
    private readonly LoopbackHttpClient _client;

    /// <summary>Picks a free port (unless <see cref="CallerOptions.Port"/> is set); nothing is sent until a call is made.</summary>
    public HuaweiHttpEmulator(HuaweiHttpEmulatorOptions? options = null)
    {
        _options = options ?? new HuaweiHttpEmulatorOptions();
        int port = _options.Caller.Port != 0 ? _options.Caller.Port : FreePort.Pick();
        _client = new LoopbackHttpClient(port, _options.Caller);
        Environment = BuildEnvironment(port);
    }

    /// <inheritdoc />
    public int Port => _client.Port;

    /// <summary>The options in force.</summary>
    public HuaweiHttpEmulatorOptions Options => _options;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <inheritdoc />
    public IReadOnlyList<SentRequest> Requests => _client.Requests;

    /// <inheritdoc />
    public IReadOnlyList<ReceivedResponse> Responses => _client.Responses;

    /// <inheritdoc />
    public int ConnectionsOpened => _client.ConnectionsOpened;

    /// <summary>Waits until the port accepts, then until <c>GET /</c> is answered (any status).</summary>
    public Task<ReadyInfo> WaitForReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _client.WaitForReadyAsync(timeout, () => Build("GET", "/", null, ReadOnlyMemory<byte>.Empty, null), cancellationToken);

    /// <inheritdoc />
    public Task<RawExchangeResult> SendRawAsync(byte[] bytes, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _client.SendRawAsync(bytes, timeout ?? TimeSpan.FromSeconds(5), cancellationToken);

    /// <summary>A client request passed through, plus the <c>X-CFF-*</c> headers (a new request id unless given).</summary>
    public Task<ReceivedResponse> SendAsync(
        string method,
        string pathAndQuery,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        ReadOnlyMemory<byte> body = default,
        string? requestId = null,
        CancellationToken cancellationToken = default) =>
        _client.SendAsync(Build(method, pathAndQuery, headers, body, requestId), cancellationToken);

    /// <summary>Closes pooled connections.</summary>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private OutgoingRequest Build(string method, string pathAndQuery, IEnumerable<KeyValuePair<string, string>>? headers, ReadOnlyMemory<byte> body, string? requestId)
    {
        // Client X-CFF-* headers are dropped: the platform's own values are the ones a function can trust. [U]
        OutgoingRequest request = PassThroughRequest.Create(
            method,
            pathAndQuery,
            _options.PublicHost,
            headers,
            body,
            static name => name.StartsWith("X-CFF-", StringComparison.OrdinalIgnoreCase));
        request.Add("X-CFF-Request-Id", requestId ?? Ids.NewRequestId());
        request.Add("X-CFF-Memory", _options.MemorySizeMb.ToString(CultureInfo.InvariantCulture));
        request.Add("X-CFF-Timeout", Seconds(_options.Timeout));
        request.Add("X-CFF-Func-Version", _options.FunctionVersion);
        request.Add("X-CFF-Func-Name", _options.FunctionName);
        request.Add("X-CFF-Project-Id", _options.ProjectId);
        request.Add("X-CFF-Package", _options.Package);
        request.Add("X-CFF-Region", _options.Region);
        return request;
    }

    private static string Seconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private Dictionary<string, string> BuildEnvironment(int port)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RUNTIME_PROJECT_ID"] = _options.ProjectId,
            ["RUNTIME_FUNC_NAME"] = _options.FunctionName,
            ["RUNTIME_FUNC_VERSION"] = _options.FunctionVersion,
            ["RUNTIME_PACKAGE"] = _options.Package,
            ["RUNTIME_HANDLER"] = _options.Handler,
            ["RUNTIME_TIMEOUT"] = Seconds(_options.Timeout),
            ["RUNTIME_USERDATA"] = _options.UserData,
            ["RUNTIME_CPU"] = _options.Cpu,
            ["RUNTIME_MEMORY"] = _options.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["RUNTIME_MAX_RESP_BODY_SIZE"] = "6291456",
            ["RUNTIME_INITIALIZER_HANDLER"] = string.Empty,
            ["RUNTIME_INITIALIZER_TIMEOUT"] = "0",
            ["RUNTIME_ROOT"] = "/home/snuser/runtime",
            ["RUNTIME_CODE_ROOT"] = _options.CodeRoot,
            ["RUNTIME_LOG_DIR"] = "/home/snuser/log",
        };
        if (_options.PortVariable is not null)
        {
            env[_options.PortVariable] = port.ToString(CultureInfo.InvariantCulture);
        }

        if (_options.AdditionalEnvironment is not null)
        {
            foreach (KeyValuePair<string, string> pair in _options.AdditionalEnvironment)
            {
                env[pair.Key] = pair.Value;
            }
        }

        return env;
    }
}
