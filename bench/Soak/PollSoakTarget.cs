using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.Soak;

/// <summary>The poll model: the AWS Runtime API emulator; each invocation is queued, handed out on the child's poll and answered.</summary>
internal sealed class PollSoakTarget : ISoakTarget
{
    private static readonly TimeSpan s_invocationTimeout = TimeSpan.FromSeconds(10);

    private readonly AwsRuntimeApiEmulator _aws;
    private readonly byte[] _payload;

    private PollSoakTarget(AwsRuntimeApiEmulator aws, byte[] payload, IReadOnlyDictionary<string, string> environment)
    {
        _aws = aws;
        _payload = payload;
        Environment = environment;
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public static async Task<PollSoakTarget> StartAsync(byte[] payload, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken)
    {
        // The journal off: a 100,000-invocation run must not grow the harness by its own records.
        AwsRuntimeApiEmulator aws = await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { RecordRequests = false }, cancellationToken)
            .ConfigureAwait(false);
        var environment = new Dictionary<string, string>(aws.Environment, StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in extra)
        {
            environment[pair.Key] = pair.Value;
        }

        return new PollSoakTarget(aws, payload, environment);
    }

    public Task WaitForReadyAsync(SoakChild child, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task InvokeAsync(CancellationToken cancellationToken)
    {
        PendingInvocation pending = _aws.Enqueue(_payload);
        InvocationOutcome outcome;
        try
        {
            outcome = await pending.Completion.WaitAsync(s_invocationTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new SoakException("no response within " + s_invocationTimeout.TotalSeconds + " s");
        }

        if (outcome.IsError || !outcome.Body.AsSpan().SequenceEqual(_payload))
        {
            throw new SoakException("the response is not the event: " + Clip(outcome.BodyText));
        }
    }

    public ValueTask DisposeAsync() => _aws.DisposeAsync();

    internal static string Clip(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");
}
