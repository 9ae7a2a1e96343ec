using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>
/// Tencent Cloud SCF calling a web function (<c>scf_bootstrap</c> starts an HTTP server on port 9000; the platform's
/// proxy passes native HTTP requests through). Here the port is a free one (see
/// <see cref="TencentWebEmulatorOptions.PortVariable"/>). Readiness: TCP accept, then <c>GET /</c> answered (any status).
/// </summary>
/// <remarks>
/// Headers the platform adds, after the client's own: <c>X-Scf-Request-Id</c> (a GUID per request),
/// <c>X-Scf-Secret-Id</c> / <c>X-Scf-Secret-Key</c> / <c>X-Scf-Session-Token</c> (run role credentials) and
/// <c>X-Scf-Remote-Addr</c> (client IP). The SCF web-function FAQ (cloud.tencent.com 583/56129) says <c>connection</c>
/// and <c>X-SCF-*</c> headers are filled in by the gateway and cannot be set by clients, so those client headers are
/// dropped. Request ids and credential headers are [S] (official demo code and community runtimes), not in a doc table.
/// </remarks>
public sealed class TencentWebEmulator : IServerPlatformEmulator
{
    private readonly TencentWebEmulatorOptions _options;
    private readonly LoopbackHttpClient _client;

    /// <summary>Picks a free port (unless <see cref="CallerOptions.Port"/> is set); nothing is sent until a call is made.</summary>
    public TencentWebEmulator(TencentWebEmulatorOptions? options = null)
    {
        _options = options ?? new TencentWebEmulatorOptions();
        int port = _options.Caller.Port != 0 ? _options.Caller.Port : FreePort.Pick();
        _client = new LoopbackHttpClient(port, _options.Caller);
        Environment = BuildEnvironment(port);
    }

    /// <inheritdoc />
    public int Port => _client.Port;

    /// <summary>The options in force.</summary>
    public TencentWebEmulatorOptions Options => _options;

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

    /// <summary>A client request passed through, plus the <c>X-Scf-*</c> headers (a new request id unless given).</summary>
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
        OutgoingRequest request = PassThroughRequest.Create(
            method,
            pathAndQuery,
            _options.PublicHost,
            headers,
            body,
            static name => name.StartsWith("X-Scf-", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase));
        request.Add("X-Scf-Request-Id", requestId ?? Ids.NewRequestId());
        if (_options.SendCredentialHeaders)
        {
            request.Add("X-Scf-Secret-Id", _options.SecretId);
            request.Add("X-Scf-Secret-Key", _options.SecretKey);
            request.Add("X-Scf-Session-Token", _options.SessionToken);
        }

        if (_options.ClientIp is not null)
        {
            request.Add("X-Scf-Remote-Addr", _options.ClientIp);
        }

        return request;
    }

    private Dictionary<string, string> BuildEnvironment(int port)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SCF_FUNCTIONNAME"] = _options.FunctionName,
            ["SCF_FUNCTIONVERSION"] = _options.FunctionVersion,
            ["SCF_NAMESPACE"] = _options.Namespace,
            ["TENCENTCLOUD_REGION"] = _options.Region,
            ["TENCENTCLOUD_APPID"] = _options.AppId,
            ["TENCENTCLOUD_UIN"] = _options.Uin,
            ["TENCENTCLOUD_SECRETID"] = _options.SecretId,
            ["TENCENTCLOUD_SECRETKEY"] = _options.SecretKey,
            ["TENCENTCLOUD_SESSIONTOKEN"] = _options.SessionToken,
            ["TENCENTCLOUD_RUNENV"] = "SCF",
            ["USER_CODE_ROOT"] = "/var/user/",
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
