using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.ColdStart;

/// <summary>
/// Poll platforms: one long-lived child, M invocations one after another (the next is queued when the previous is
/// answered). Each round trip is the emulator's: the event handed out on the poll → the response body fully received.
/// Memory as in <see cref="WarmMeter"/>.
/// </summary>
internal static class WarmRunner
{
    private static readonly TimeSpan s_invocationTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_sigtermGrace = TimeSpan.FromSeconds(5);

    public static async Task<WarmResult> RunAsync(
        Subject subject, string root, Platform platform, byte[] payload, int count, CancellationToken cancellationToken)
    {
        string who = subject.Name + " (" + Platforms.Name(platform) + ", warm)";
        await using IRuntimeApiEmulator emulator = await Emulators.StartAsync(platform, cancellationToken).ConfigureAwait(false);
        await using ChildProcess child = subject.Start(root, emulator.Environment, out _);

        // A long run drains the child's output from the start, so a chatty subject never blocks on a full pipe.
        child.StartDraining();
        var meter = new WarmMeter(child, count);
        for (int i = 0; i < count; i++)
        {
            PendingInvocation invocation = emulator.Enqueue(payload);
            InvocationOutcome outcome;
            try
            {
                outcome = await Waits.ForAsync(invocation.Completion, child, s_invocationTimeout, "response", who, cancellationToken)
                    .ConfigureAwait(false);
                Waits.RequireEcho(outcome, payload, who);
            }
            catch (HarnessException ex)
            {
                // The invocation number only on failure: nothing is formatted per invocation on the way.
                throw new HarnessException("invocation " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + ex.Message);
            }

            meter.Record(i, (outcome.CompletedTimestamp - outcome.DeliveredTimestamp) * 1_000_000.0 / Stopwatch.Frequency);
        }

        WarmResult result = meter.Finish(connectionsOpened: null);
        await child.StopAsync(s_sigtermGrace).ConfigureAwait(false);
        return result;
    }
}
