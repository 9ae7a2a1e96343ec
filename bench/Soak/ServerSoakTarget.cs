using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.Soak;

/// <summary>
/// The server model: the platform's caller (Alibaba FC's <c>POST /invoke</c>, or a Cloud Run <c>POST /</c>) sends each
/// event over its keep-alive connection and judges the answer as the platform would. Exchanges are not recorded.
/// </summary>
internal sealed class ServerSoakTarget : ISoakTarget
{
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(10);
    private static readonly KeyValuePair<string, string>[] s_jsonBody = { new("Content-Type", "application/json") };

    private readonly IServerPlatformEmulator _emulator;
    private readonly Func<CancellationToken, Task<(bool Ok, string Answer, byte[] Body)>> _send;
    private readonly byte[] _payload;

    public ServerSoakTarget(SoakPlatform platform, byte[] payload, IReadOnlyDictionary<string, string> extra)
    {
        _payload = payload;
        var caller = new CallerOptions { RecordExchanges = false, RequestTimeout = s_requestTimeout, MaxConnections = 1 };
        switch (platform)
        {
            case SoakPlatform.Fc:
                var fc = new AlibabaFcEmulator(new AlibabaFcEmulatorOptions { Caller = caller });
                _emulator = fc;
                _send = async cancellationToken =>
                {
                    FcOutcome outcome = await fc.InvokeAsync(_payload, null, cancellationToken).ConfigureAwait(false);
                    bool ok = !outcome.IsFunctionError && outcome.StatusCode == 200 && outcome.FcStatus == "200";
                    return (ok, outcome.StatusCode + " x-fc-status " + (outcome.FcStatus ?? "(none)") + ": " + PollSoakTarget.Clip(outcome.BodyText), outcome.Body);
                };
                break;
            case SoakPlatform.CloudRun:
                var run = new CloudRunEmulator(new CloudRunEmulatorOptions { Caller = caller });
                _emulator = run;
                _send = async cancellationToken =>
                {
                    ReceivedResponse response = await run.SendAsync("POST", "/", s_jsonBody, _payload, cancellationToken).ConfigureAwait(false);
                    return (response.IsSuccessStatusCode, response.StatusCode + ": " + PollSoakTarget.Clip(response.BodyText), response.Body);
                };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(platform), platform, "not a server platform");
        }

        var environment = new Dictionary<string, string>(_emulator.Environment, StringComparer.Ordinal)
        {
            // Never listen beyond loopback; the echo bootstrap serves the function registered as "echo".
            ["FAAS_BIND_ADDRESS"] = "127.0.0.1",
            ["FAAS_HANDLER"] = "echo",
        };
        foreach (KeyValuePair<string, string> pair in extra)
        {
            environment[pair.Key] = pair.Value;
        }

        Environment = environment;
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public async Task WaitForReadyAsync(SoakChild child, CancellationToken cancellationToken)
    {
        try
        {
            await _emulator.WaitForReadyAsync(s_readyTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new SoakException("the child did not serve within " + s_readyTimeout.TotalSeconds + " s; child " + child.Describe());
        }
    }

    public async Task InvokeAsync(CancellationToken cancellationToken)
    {
        (bool ok, string answer, byte[] body) = await _send(cancellationToken).ConfigureAwait(false);
        if (!ok || !body.AsSpan().SequenceEqual(_payload))
        {
            throw new SoakException("the answer is not the event: " + answer);
        }
    }

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();
}
