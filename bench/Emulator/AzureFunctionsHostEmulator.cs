using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>
/// The Azure Functions host calling a custom handler (protocols.md §5; Microsoft Learn "Azure Functions custom
/// handlers"; Azure/azure-functions-host <c>DefaultHttpWorkerService</c>, <c>HttpWorkerProcess</c>). The handler serves
/// HTTP on <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>; the host pings <c>GET /</c> until any HTTP answer, then posts
/// <c>{Data, Metadata}</c> payloads to <c>/{FunctionName}</c> (or, in the legacy forwarding mode, forwards HTTP-trigger
/// requests to their own path), adding <c>X-Azure-Functions-HostVersion</c>, <c>X-Azure-Functions-InvocationId</c> and
/// <c>User-Agent: Azure-Functions-Host/&lt;version&gt;</c>.
/// </summary>
public sealed partial class AzureFunctionsHostEmulator : IServerPlatformEmulator
{
    private readonly AzureFunctionsHostOptions _options;
    private readonly LoopbackHttpClient _client;
    private readonly string _controlHost;
    private readonly string _userAgent;

    /// <summary>Picks a free port (unless <see cref="CallerOptions.Port"/> is set); nothing is sent until a call is made.</summary>
    public AzureFunctionsHostEmulator(AzureFunctionsHostOptions? options = null)
    {
        _options = options ?? new AzureFunctionsHostOptions();
        int port = _options.Caller.Port != 0 ? _options.Caller.Port : FreePort.Pick();
        _client = new LoopbackHttpClient(port, _options.Caller);
        _controlHost = string.Concat("127.0.0.1:", port.ToString(CultureInfo.InvariantCulture));
        _userAgent = "Azure-Functions-Host/" + _options.HostVersion;
        Environment = BuildEnvironment(port);
    }

    /// <inheritdoc />
    public int Port => _client.Port;

    /// <summary>The options in force.</summary>
    public AzureFunctionsHostOptions Options => _options;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <inheritdoc />
    public IReadOnlyList<SentRequest> Requests => _client.Requests;

    /// <inheritdoc />
    public IReadOnlyList<ReceivedResponse> Responses => _client.Responses;

    /// <inheritdoc />
    public int ConnectionsOpened => _client.ConnectionsOpened;

    /// <summary>
    /// Repeats <c>GET /</c> (a bare request: the host's ping adds no headers) until any HTTP response, whatever its status.
    /// </summary>
    public Task<ReadyInfo> WaitForReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _client.WaitForReadyAsync(timeout, Ping, cancellationToken);

    /// <inheritdoc />
    public Task<RawExchangeResult> SendRawAsync(byte[] bytes, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _client.SendRawAsync(bytes, timeout ?? TimeSpan.FromSeconds(5), cancellationToken);

    /// <summary>
    /// An HTTP-trigger invocation in the default (payload) mode: <c>POST /{functionName}</c> with
    /// <c>{"Data":{"req":{Url,Method,Query,Headers,Params,Identities,Body}},"Metadata":{Query,Headers,sys}}</c>.
    /// <paramref name="query"/> null = parsed from <paramref name="url"/>'s query string (repeated keys joined with commas).
    /// The body is a string, or base64 for <c>application/octet-stream</c> and <c>multipart/*</c>; omitted when empty.
    /// </summary>
    public async Task<AzureInvocationResult> InvokeHttpAsync(
        string functionName,
        string method,
        string url,
        IEnumerable<KeyValuePair<string, string>>? query = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        ReadOnlyMemory<byte> body = default,
        string bindingName = "req",
        IReadOnlyDictionary<string, string>? routeParameters = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(url);
        byte[] payload = HttpPayload(functionName, method, url, query, headers, body.Span, bindingName, routeParameters);
        return await InvokePayloadAsync(functionName, payload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A queue-trigger invocation (the docs' sample): <c>POST /{functionName}</c> with
    /// <c>{"Data":{"myQueueItem":"…"},"Metadata":{DequeueCount,ExpirationTime,Id,InsertionTime,NextVisibleTime,PopReceipt,sys}}</c>.
    /// </summary>
    public async Task<AzureInvocationResult> InvokeQueueAsync(
        string functionName,
        string item,
        string bindingName = "myQueueItem",
        int dequeueCount = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentNullException.ThrowIfNull(item);
        byte[] payload = QueuePayload(functionName, item, bindingName, dequeueCount);
        return await InvokePayloadAsync(functionName, payload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Legacy <c>enableForwardingHttpRequest</c> mode: the original request to its own path (query kept), the client's
    /// headers in their order (its Host included), <c>Azure-Functions-Host/&lt;version&gt;</c> appended to its
    /// <c>User-Agent</c>, then <c>X-Azure-Functions-HostVersion</c> and <c>X-Azure-Functions-InvocationId</c>.
    /// The handler's response is the function's response.
    /// </summary>
    public Task<ReceivedResponse> ForwardHttpAsync(
        string method,
        string pathAndQuery,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        ReadOnlyMemory<byte> body = default,
        string? invocationId = null,
        CancellationToken cancellationToken = default)
    {
        OutgoingRequest request = PassThroughRequest.Create(method, pathAndQuery, _options.PublicHost, headers, body, hostFirst: false);
        int userAgent = request.IndexOf("User-Agent");
        request.Add("X-Azure-Functions-HostVersion", _options.HostVersion);
        request.Add("X-Azure-Functions-InvocationId", invocationId ?? Ids.NewRequestId());
        if (userAgent >= 0)
        {
            // HttpClient's UserAgent.ParseAdd adds a product token to the existing header, in its place.
            KeyValuePair<string, string> existing = request.Headers[userAgent];
            request.Headers[userAgent] = new KeyValuePair<string, string>(existing.Key, string.Concat(existing.Value, " ", _userAgent));
        }
        else
        {
            request.Add("User-Agent", _userAgent);
        }

        return _client.SendAsync(request, cancellationToken);
    }

    /// <summary>Closes pooled connections.</summary>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private OutgoingRequest Ping()
    {
        var request = new OutgoingRequest("GET", "/");
        request.Add("Host", _controlHost);
        return request;
    }

    private async Task<AzureInvocationResult> InvokePayloadAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        string invocationId = Guid.NewGuid().ToString("D");
        var request = new OutgoingRequest("POST", "/" + functionName)
        {
            Body = payload,
            Chunked = _options.ChunkedRequestBody,
        };

        // The order of the captured host request (tests/fixtures/events/azure/custom-handler-http-captured.http).
        request.Add("Host", _controlHost);
        request.Add("X-Azure-Functions-HostVersion", _options.HostVersion);
        request.Add("X-Azure-Functions-InvocationId", invocationId);
        request.Add("User-Agent", _userAgent);
        request.Add("Content-Type", "application/json; charset=utf-8");
        ReceivedResponse response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return ReadResult(invocationId, response);
    }

    private Dictionary<string, string> BuildEnvironment(int port)
    {
        string portText = port.ToString(CultureInfo.InvariantCulture);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = portText,
            ["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = _options.WorkerId,
            ["FUNCTIONS_HTTPWORKER_PORT"] = portText,
            ["FUNCTIONS_HTTPWORKER_ID"] = _options.WorkerId,
            ["FUNCTIONS_APP_ROOT_PATH"] = _options.AppRootPath,
            ["FUNCTIONS_WORKER_RUNTIME"] = "Custom",
            ["FUNCTIONS_EXTENSION_VERSION"] = "~4",
            ["AzureWebJobsScriptRoot"] = _options.AppRootPath,
            ["WEBSITE_SITE_NAME"] = _options.SiteName,
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
