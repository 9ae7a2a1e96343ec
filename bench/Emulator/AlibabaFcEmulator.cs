using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>
/// Alibaba Cloud Function Compute calling a custom-runtime bootstrap (protocols.md §3; Alibaba "Specifications",
/// "Event handlers", "Web functions" and "lifecycle hooks" pages). The bootstrap serves HTTP on
/// <c>FC_CUSTOM_LISTEN_PORT</c>; this emulator sends <c>POST /invoke</c>, <c>POST /initialize</c>, HTTP-trigger requests
/// (<c>x-fc-control-path: /http-invoke</c>), <c>GET /pre-stop</c> and <c>GET /pre-freeze</c>, each with the common
/// <c>x-fc-*</c> headers in lower case as the docs list them.
/// </summary>
/// <remarks>
/// Choices where the docs are silent: <c>Host</c> is <c>127.0.0.1:&lt;port&gt;</c> on control requests; hooks carry
/// <c>x-fc-control-path</c> = their own path (<c>/pre-stop</c>, <c>/pre-freeze</c>); <c>x-fc-retry-count</c> is <c>0</c>;
/// readiness = the first request FC sends: <c>POST /initialize</c> when an initializer is configured, else a plain
/// <c>POST /invoke</c> with <see cref="AlibabaFcEmulatorOptions.FirstInvokePayload"/>.
/// </remarks>
public sealed class AlibabaFcEmulator : IServerPlatformEmulator
{
    private readonly AlibabaFcEmulatorOptions _options;
    private readonly LoopbackHttpClient _client;
    private readonly string _controlHost;

    /// <summary>Picks a free port (unless <see cref="CallerOptions.Port"/> is set); nothing is sent until a call is made.</summary>
    public AlibabaFcEmulator(AlibabaFcEmulatorOptions? options = null)
    {
        _options = options ?? new AlibabaFcEmulatorOptions();
        int port = _options.Caller.Port != 0 ? _options.Caller.Port : FreePort.Pick();
        _client = new LoopbackHttpClient(port, _options.Caller);
        _controlHost = string.Concat("127.0.0.1:", port.ToString(CultureInfo.InvariantCulture));
        Environment = BuildEnvironment(port);
    }

    /// <inheritdoc />
    public int Port => _client.Port;

    /// <summary>The options in force.</summary>
    public AlibabaFcEmulatorOptions Options => _options;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <inheritdoc />
    public IReadOnlyList<SentRequest> Requests => _client.Requests;

    /// <inheritdoc />
    public IReadOnlyList<ReceivedResponse> Responses => _client.Responses;

    /// <inheritdoc />
    public int ConnectionsOpened => _client.ConnectionsOpened;

    /// <summary>
    /// Waits until the port accepts, then sends FC's first request: <c>POST /initialize</c> when an initializer is
    /// configured, else <c>POST /invoke</c> with <see cref="AlibabaFcEmulatorOptions.FirstInvokePayload"/>.
    /// </summary>
    public Task<ReadyInfo> WaitForReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _client.WaitForReadyAsync(
            timeout,
            () => _options.Initializer is not null
                ? Control("POST", "/initialize", "/initialize", Ids.NewRequestId(), ReadOnlyMemory<byte>.Empty, contentType: null)
                : Control("POST", "/invoke", "/invoke", Ids.NewRequestId(), Encoding.UTF8.GetBytes(_options.FirstInvokePayload), "application/octet-stream"),
            cancellationToken);

    /// <inheritdoc />
    public Task<RawExchangeResult> SendRawAsync(byte[] bytes, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _client.SendRawAsync(bytes, timeout ?? TimeSpan.FromSeconds(5), cancellationToken);

    /// <summary><c>POST /initialize</c> (no body, common headers, <c>x-fc-control-path: /initialize</c>).</summary>
    public Task<FcOutcome> InitializeAsync(string? requestId = null, CancellationToken cancellationToken = default) =>
        CallAsync(FcCall.Initialize, Control("POST", "/initialize", "/initialize", requestId ?? Ids.NewRequestId(), ReadOnlyMemory<byte>.Empty, contentType: null), cancellationToken);

    /// <summary>
    /// <c>POST /invoke</c>: <paramref name="payload"/> as the body, <c>Content-Type: application/octet-stream</c>,
    /// common headers, <c>x-fc-control-path: /invoke</c>. An <c>InvokeFunction</c> API call or an event source.
    /// </summary>
    public Task<FcOutcome> InvokeAsync(ReadOnlyMemory<byte> payload, string? requestId = null, CancellationToken cancellationToken = default) =>
        CallAsync(FcCall.Invoke, Control("POST", "/invoke", "/invoke", requestId ?? Ids.NewRequestId(), payload, "application/octet-stream"), cancellationToken);

    /// <summary><c>POST /invoke</c> with a UTF-8 payload.</summary>
    public Task<FcOutcome> InvokeAsync(string payload, string? requestId = null, CancellationToken cancellationToken = default) =>
        InvokeAsync(Encoding.UTF8.GetBytes(payload), requestId, cancellationToken);

    /// <summary>
    /// An HTTP-trigger (or custom-domain) request passed through: the client's method, path, query, headers and body,
    /// then the common <c>x-fc-*</c> headers with <c>x-fc-control-path: /http-invoke</c>. FC rejects client headers
    /// starting with <c>x-fc-</c> and <c>connection</c> / <c>keep-alive</c> with 400 before the function is reached, so
    /// passing one throws <see cref="ArgumentException"/>.
    /// </summary>
    public Task<FcOutcome> HttpInvokeAsync(
        string method,
        string pathAndQuery,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        ReadOnlyMemory<byte> body = default,
        string? requestId = null,
        CancellationToken cancellationToken = default)
    {
        OutgoingRequest request = PassThroughRequest.Create(method, pathAndQuery, _options.HttpTriggerHost, headers, body);
        foreach (KeyValuePair<string, string> header in request.Headers)
        {
            if (header.Key.StartsWith("x-fc-", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Function Compute answers 400 InvalidArgument to a client header '{header.Key}'; it never reaches the function.", nameof(headers));
            }
        }

        string id = requestId ?? Ids.NewRequestId();
        AddCommonHeaders(request, id, "/http-invoke");
        return CallAsync(FcCall.HttpInvoke, request, cancellationToken);
    }

    /// <summary><c>GET /pre-stop</c> (PreStop hook).</summary>
    public Task<FcOutcome> PreStopAsync(string? requestId = null, CancellationToken cancellationToken = default) =>
        CallAsync(FcCall.PreStop, Control("GET", "/pre-stop", "/pre-stop", requestId ?? Ids.NewRequestId(), ReadOnlyMemory<byte>.Empty, contentType: null), cancellationToken);

    /// <summary><c>GET /pre-freeze</c> (PreFreeze hook, FC 2.0 and custom containers).</summary>
    public Task<FcOutcome> PreFreezeAsync(string? requestId = null, CancellationToken cancellationToken = default) =>
        CallAsync(FcCall.PreFreeze, Control("GET", "/pre-freeze", "/pre-freeze", requestId ?? Ids.NewRequestId(), ReadOnlyMemory<byte>.Empty, contentType: null), cancellationToken);

    /// <summary>Closes pooled connections.</summary>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<FcOutcome> CallAsync(FcCall call, OutgoingRequest request, CancellationToken cancellationToken)
    {
        ReceivedResponse response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return new FcOutcome(call, response.Request.Header("x-fc-request-id") ?? string.Empty, response);
    }

    private OutgoingRequest Control(string method, string path, string controlPath, string requestId, ReadOnlyMemory<byte> body, string? contentType)
    {
        var request = new OutgoingRequest(method, path) { Body = body };
        request.Add("Host", _controlHost);
        if (contentType is not null)
        {
            request.Add("Content-Type", contentType);
        }

        AddCommonHeaders(request, requestId, controlPath);
        return request;
    }

    /// <summary>The common request headers, in the order of the docs' table.</summary>
    private void AddCommonHeaders(OutgoingRequest request, string requestId, string controlPath)
    {
        request.Add("x-fc-request-id", requestId);
        if (_options.SendCredentialHeaders)
        {
            request.Add("x-fc-access-key-id", _options.AccessKeyId);
            request.Add("x-fc-access-key-secret", _options.AccessKeySecret);
            request.Add("x-fc-security-token", _options.SecurityToken);
        }

        request.Add("x-fc-function-handler", _options.Handler);
        request.Add("x-fc-function-memory", _options.MemorySizeMb.ToString(CultureInfo.InvariantCulture));
        if (_options.Initializer is not null)
        {
            request.Add("x-fc-function-initializer", _options.Initializer);
            request.Add("x-fc-initialization-timeout", Seconds(_options.InitializationTimeout));
        }

        if (_options.PreStopHandler is not null)
        {
            request.Add("x-fc-instance-lifecycle-pre-stop-handler", _options.PreStopHandler);
        }

        if (_options.PreFreezeHandler is not null)
        {
            request.Add("x-fc-instance-lifecycle-pre-freeze-handler", _options.PreFreezeHandler);
        }

        request.Add("x-fc-region", _options.Region);
        request.Add("x-fc-account-id", _options.AccountId);
        request.Add("x-fc-qualifier", _options.Qualifier);
        request.Add("x-fc-version-id", _options.FunctionVersion);
        request.Add("x-fc-function-name", _options.FunctionName);
        if (_options.ServiceName is not null)
        {
            request.Add("x-fc-service-name", _options.ServiceName);
        }

        request.Add("x-fc-service-logproject", _options.LogProject);
        request.Add("x-fc-service-logstore", _options.LogStore);
        request.Add("x-fc-control-path", controlPath);
        request.Add("x-fc-function-timeout", Seconds(_options.Timeout));
        request.Add("x-fc-retry-count", "0");
    }

    private static string Seconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private Dictionary<string, string> BuildEnvironment(int port)
    {
        string portText = port.ToString(CultureInfo.InvariantCulture);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FC_CUSTOM_LISTEN_PORT"] = portText,
            ["FC_SERVER_PORT"] = portText,
            ["FC_FUNCTION_NAME"] = _options.FunctionName,
            ["FC_FUNCTION_HANDLER"] = _options.Handler,
            ["FC_FUNCTION_MEMORY_SIZE"] = _options.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["FC_REGION"] = _options.Region,
            ["FC_ACCOUNT_ID"] = _options.AccountId,
            ["FC_INSTANCE_ID"] = _options.InstanceId,
            ["FC_FUNC_CODE_PATH"] = _options.CodePath,
            ["FC_FUNCTION_VERSION"] = _options.FunctionVersion,
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = _options.AccessKeyId,
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = _options.AccessKeySecret,
            ["ALIBABA_CLOUD_SECURITY_TOKEN"] = _options.SecurityToken,
        };
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
