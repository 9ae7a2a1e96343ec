using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.ColdStart;

/// <summary>
/// A fresh emulator of a server platform (the platform as the HTTP caller) for one child: the child's environment,
/// the readiness probe, and the platform's event request with the platform's own success rule. Exchanges are not
/// recorded; one request may take at most 10 s.
/// </summary>
internal sealed class ServerTarget : IAsyncDisposable
{
    /// <summary>The Azure function the queue events go to (<c>POST /echo</c>), named as the handler.</summary>
    private const string AzureFunction = "echo";

    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(10);
    private static readonly KeyValuePair<string, string>[] s_jsonBody = { new("Content-Type", "application/json") };

    private readonly IServerPlatformEmulator _emulator;
    private readonly Func<CancellationToken, Task<ServerAnswer>> _send;
    private readonly byte[] _payload;
    private readonly string _payloadText;
    private readonly bool _exactEcho;

    private ServerTarget(Platform platform, byte[] payload, bool exactEcho, TimeSpan? readyPollInterval)
    {
        _payload = payload;
        _payloadText = Encoding.UTF8.GetString(payload);
        _exactEcho = exactEcho;
        CallerOptions caller = readyPollInterval is { } interval
            ? new CallerOptions { RecordExchanges = false, RequestTimeout = s_requestTimeout, ReadyPollInterval = interval }
            : new CallerOptions { RecordExchanges = false, RequestTimeout = s_requestTimeout };
        switch (platform)
        {
            case Platform.Fc:
                var fc = new AlibabaFcEmulator(new AlibabaFcEmulatorOptions { Caller = caller });
                _emulator = fc;
                _send = async cancellationToken => CheckFc(await fc.InvokeAsync(_payload, null, cancellationToken).ConfigureAwait(false));
                break;
            case Platform.Azure:
                // Payloads go chunked, as the real host sends them (HttpClient with an ObjectContent of unknown length);
                // both subjects read chunked bodies.
                var azure = new AzureFunctionsHostEmulator(new AzureFunctionsHostOptions { Caller = caller });
                _emulator = azure;
                _send = async cancellationToken => CheckAzure(
                    await azure.InvokeQueueAsync(AzureFunction, _payloadText, cancellationToken: cancellationToken).ConfigureAwait(false));
                break;
            case Platform.CloudRun:
                var run = new CloudRunEmulator(new CloudRunEmulatorOptions { Caller = caller });
                _emulator = run;
                _send = async cancellationToken => CheckHttp(await run.SendAsync("POST", "/", s_jsonBody, _payload, cancellationToken).ConfigureAwait(false));
                break;
            case Platform.ScfWeb:
                // Web functions listen on the fixed port 9000; FAAS_PORT points both subjects at a free one instead.
                var web = new TencentWebEmulator(new TencentWebEmulatorOptions { Caller = caller, PortVariable = "FAAS_PORT" });
                _emulator = web;
                _send = async cancellationToken => CheckHttp(await web.SendAsync("POST", "/", s_jsonBody, _payload, null, cancellationToken).ConfigureAwait(false));
                break;
            case Platform.HuaweiHttp:
                // Fixed port 8000 on the platform: FAAS_PORT as for Tencent web functions.
                var http = new HuaweiHttpEmulator(new HuaweiHttpEmulatorOptions { Caller = caller, PortVariable = "FAAS_PORT" });
                _emulator = http;
                _send = async cancellationToken => CheckHttp(await http.SendAsync("POST", "/", s_jsonBody, _payload, null, cancellationToken).ConfigureAwait(false));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(platform), platform, "not a server platform (see Emulators)");
        }

        var environment = new Dictionary<string, string>(_emulator.Environment, StringComparer.Ordinal)
        {
            // Never listen beyond loopback; the echo bootstrap serves the function registered as "echo".
            ["FAAS_BIND_ADDRESS"] = "127.0.0.1",
            ["FAAS_HANDLER"] = "echo",
        };
        Environment = environment;
    }

    /// <summary>The emulator's variables + <c>FAAS_BIND_ADDRESS=127.0.0.1</c> and <c>FAAS_HANDLER=echo</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>TCP connections the caller has opened so far (readiness probes included).</summary>
    public int ConnectionsOpened => _emulator.ConnectionsOpened;

    /// <summary>
    /// The emulator for <paramref name="platform"/>. The answer must carry the event bytes back, except the floor's
    /// answer to an Azure payload: that is a fixed envelope (<c>ReturnValue</c> null), which the host accepts as well.
    /// </summary>
    /// <param name="readyPollInterval">The readiness probe's pause between connect attempts (null = the emulator's default, 1 ms).</param>
    public static ServerTarget Create(Platform platform, byte[] payload, Subject subject, TimeSpan? readyPollInterval = null) =>
        new(platform, payload, exactEcho: !(platform == Platform.Azure && subject.IsFloor), readyPollInterval);

    /// <summary>The platform's readiness probe (see <see cref="IServerPlatformEmulator.WaitForReadyAsync"/>).</summary>
    public Task<ReadyInfo> WaitForReadyAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _emulator.WaitForReadyAsync(timeout, cancellationToken);

    /// <summary>Sends the event as the platform does and judges the answer as the platform would.</summary>
    public Task<ServerAnswer> SendEventAsync(CancellationToken cancellationToken) => _send(cancellationToken);

    /// <summary>Microseconds from the first byte of the request written to the last byte of the answer read.</summary>
    public static double RoundTripUs(ReceivedResponse response) =>
        (response.Timestamp - response.Request.Timestamp) * 1_000_000.0 / Stopwatch.Frequency;

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    /// <summary>FC: <c>x-fc-status: 200</c> says the function succeeded (<see cref="FcOutcome"/>); the body is the result.</summary>
    private ServerAnswer CheckFc(FcOutcome outcome)
    {
        string? failure = outcome.IsFunctionError || outcome.StatusCode != 200 || outcome.FcStatus != "200"
            ? "answered " + outcome.StatusCode + " with x-fc-status " + (outcome.FcStatus ?? "(none)") + ": " + Clip(outcome.BodyText)
            : EchoFailure(outcome.Body);
        return new ServerAnswer(outcome.Response, failure);
    }

    /// <summary>Azure: the host's own reading of the answer (<see cref="AzureInvocationResult"/>); the return value is the event.</summary>
    private ServerAnswer CheckAzure(AzureInvocationResult result)
    {
        string? failure = result.Failure is { } hostFailure
            ? "the host would fail the invocation: " + hostFailure + " (" + Clip(result.Response.BodyText) + ")"
            : null;
        if (failure is null && _exactEcho && result.ReturnValue?.GetRawText() != _payloadText)
        {
            failure = "ReturnValue is not the event: " + Clip(result.Response.BodyText);
        }

        return new ServerAnswer(result.Response, failure);
    }

    /// <summary>Cloud Run, Tencent web and Huawei HTTP functions: a 2xx with the event bytes as the body.</summary>
    private ServerAnswer CheckHttp(ReceivedResponse response)
    {
        string? failure = response.IsSuccessStatusCode
            ? EchoFailure(response.Body)
            : "answered " + response.StatusCode + ": " + Clip(response.BodyText);
        return new ServerAnswer(response, failure);
    }

    private string? EchoFailure(byte[] body) =>
        body.AsSpan().SequenceEqual(_payload) ? null : "answered with other bytes than the event: " + Clip(Encoding.UTF8.GetString(body));

    private static string Clip(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");
}
