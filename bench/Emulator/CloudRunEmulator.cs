using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>
/// Google Cloud Run / Cloud Run functions / Knative Serving calling a container (protocols.md §6): the bootstrap serves
/// HTTP/1.1 on <c>$PORT</c> and receives requests unmodified plus the front end's forwarding and trace headers, and
/// events as CloudEvents over HTTP in binary or structured mode (spec v1.0 HTTP protocol binding).
/// Readiness: TCP accept, then <c>GET /</c> answered with any status.
/// </summary>
public sealed class CloudRunEmulator : IServerPlatformEmulator
{
    private readonly CloudRunEmulatorOptions _options;
    private readonly LoopbackHttpClient _client;

    /// <summary>Picks a free port (unless <see cref="CallerOptions.Port"/> is set); nothing is sent until a call is made.</summary>
    public CloudRunEmulator(CloudRunEmulatorOptions? options = null)
    {
        _options = options ?? new CloudRunEmulatorOptions();
        int port = _options.Caller.Port != 0 ? _options.Caller.Port : FreePort.Pick();
        _client = new LoopbackHttpClient(port, _options.Caller);
        Environment = BuildEnvironment(port);
    }

    /// <inheritdoc />
    public int Port => _client.Port;

    /// <summary>The options in force.</summary>
    public CloudRunEmulatorOptions Options => _options;

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
        _client.WaitForReadyAsync(timeout, () => Build("GET", "/", null, ReadOnlyMemory<byte>.Empty), cancellationToken);

    /// <inheritdoc />
    public Task<RawExchangeResult> SendRawAsync(byte[] bytes, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _client.SendRawAsync(bytes, timeout ?? TimeSpan.FromSeconds(5), cancellationToken);

    /// <summary>A client request passed through (method, path and query, headers, body) plus the platform headers.</summary>
    public Task<ReceivedResponse> SendAsync(
        string method,
        string pathAndQuery,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        ReadOnlyMemory<byte> body = default,
        CancellationToken cancellationToken = default) =>
        _client.SendAsync(Build(method, pathAndQuery, headers, body), cancellationToken);

    /// <summary>
    /// A CloudEvent in binary mode: <c>POST</c>, body = data, <c>Content-Type</c> = datacontenttype, every other attribute
    /// as a percent-encoded <c>ce-*</c> header (<c>ce-id</c>, <c>ce-source</c>, <c>ce-specversion</c>, <c>ce-type</c>, then
    /// <c>ce-subject</c>, <c>ce-time</c>, <c>ce-dataschema</c> and extensions when present).
    /// </summary>
    public Task<ReceivedResponse> SendCloudEventBinaryAsync(CloudEvent cloudEvent, string path = "/", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        CloudEventEncoding.Validate(cloudEvent);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("ce-id", CloudEventEncoding.PercentEncode(cloudEvent.Id)),
            new("ce-source", CloudEventEncoding.PercentEncode(cloudEvent.Source)),
            new("ce-specversion", CloudEventEncoding.PercentEncode(cloudEvent.SpecVersion)),
            new("ce-type", CloudEventEncoding.PercentEncode(cloudEvent.Type)),
        };
        AddOptional(headers, "ce-subject", cloudEvent.Subject);
        AddOptional(headers, "ce-time", cloudEvent.Time);
        AddOptional(headers, "ce-dataschema", cloudEvent.DataSchema);
        if (cloudEvent.Extensions is not null)
        {
            foreach (KeyValuePair<string, string> extension in cloudEvent.Extensions)
            {
                headers.Add(new("ce-" + extension.Key, CloudEventEncoding.PercentEncode(extension.Value)));
            }
        }

        // datacontenttype travels as Content-Type; a ce-datacontenttype header must not appear.
        if (cloudEvent.DataContentType is not null)
        {
            headers.Add(new("Content-Type", cloudEvent.DataContentType));
        }

        return SendAsync("POST", path, headers, cloudEvent.Data, cancellationToken);
    }

    /// <summary>
    /// A CloudEvent in structured mode: <c>POST</c>, <c>Content-Type: application/cloudevents+json; charset=UTF-8</c>,
    /// body = the event in the JSON format. JSON data is embedded as a value, text data as a string, anything else (or
    /// everything when <paramref name="dataAsBase64"/>) as <c>data_base64</c>.
    /// </summary>
    public Task<ReceivedResponse> SendCloudEventStructuredAsync(
        CloudEvent cloudEvent,
        string path = "/",
        bool dataAsBase64 = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        CloudEventEncoding.Validate(cloudEvent);
        byte[] body = CloudEventEncoding.ToStructuredJson(cloudEvent, dataAsBase64);
        var headers = new[] { new KeyValuePair<string, string>("Content-Type", "application/cloudevents+json; charset=UTF-8") };
        return SendAsync("POST", path, headers, body, cancellationToken);
    }

    /// <summary>Closes pooled connections.</summary>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void AddOptional(List<KeyValuePair<string, string>> headers, string name, string? value)
    {
        if (value is not null)
        {
            headers.Add(new(name, CloudEventEncoding.PercentEncode(value)));
        }
    }

    private OutgoingRequest Build(string method, string pathAndQuery, IEnumerable<KeyValuePair<string, string>>? headers, ReadOnlyMemory<byte> body)
    {
        OutgoingRequest request = PassThroughRequest.Create(method, pathAndQuery, _options.PublicHost, headers, body);
        if (_options.AddPlatformHeaders)
        {
            string traceId = Ids.NewHex32();
            string spanHex = Ids.NewHex32()[..16];
            ulong spanDecimal = ulong.Parse(spanHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            request.Add("X-Forwarded-For", _options.ClientIp);
            request.Add("X-Forwarded-Proto", "https");
            request.Add("Forwarded", string.Concat("for=\"", _options.ClientIp, "\";proto=https"));
            request.Add("X-Cloud-Trace-Context", string.Concat(traceId, "/", spanDecimal.ToString(CultureInfo.InvariantCulture), ";o=1"));
            request.Add("traceparent", string.Concat("00-", traceId, "-", spanHex, "-01"));
        }

        return request;
    }

    private Dictionary<string, string> BuildEnvironment(int port)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["K_SERVICE"] = _options.Service,
            ["K_REVISION"] = _options.Revision,
            ["K_CONFIGURATION"] = _options.Configuration,
        };
        if (_options.FunctionTarget is not null)
        {
            env["FUNCTION_TARGET"] = _options.FunctionTarget;
        }

        if (_options.FunctionSignatureType is not null)
        {
            env["FUNCTION_SIGNATURE_TYPE"] = _options.FunctionSignatureType;
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
