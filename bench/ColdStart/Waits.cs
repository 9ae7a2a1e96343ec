using System;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.ColdStart;

/// <summary>Waiting on the emulator's signals with upper bounds, failing clearly when the child dies or never answers.</summary>
internal static class Waits
{
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(2);

    /// <summary>Awaits <paramref name="signal"/>; throws if the child exits first or nothing happens within <paramref name="timeout"/>.</summary>
    public static async Task<T> ForAsync<T>(Task<T> signal, ChildProcess child, TimeSpan timeout, string what, string who,
        CancellationToken cancellationToken)
    {
        if (!signal.IsCompleted)
        {
            Task first;
            try
            {
                first = await Task.WhenAny(signal, child.Exited).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Stop it first: once it has exited, its output can be read to the end for the message.
                await child.StopAsync(s_stopGrace).ConfigureAwait(false);
                throw new HarnessException(who + ": no " + what + " within " + timeout.TotalSeconds + " s (stopped it); child "
                    + await child.DescribeAsync().ConfigureAwait(false));
            }

            if (first != signal && !signal.IsCompleted)
            {
                throw new HarnessException(who + " exited early, before " + what + ": " + await child.DescribeAsync().ConfigureAwait(false));
            }
        }

        return await signal.ConfigureAwait(false);
    }

    /// <summary>Checks that the invocation was answered with a response (not an error) carrying exactly the event bytes.</summary>
    public static void RequireEcho(InvocationOutcome outcome, ReadOnlySpan<byte> payload, string who)
    {
        if (outcome.IsError)
        {
            throw new HarnessException(who + " reported an invocation error: " + outcome.BodyText);
        }

        if (outcome.StatusReturned is < 200 or > 299)
        {
            throw new HarnessException(who + ": the emulator answered its response with " + outcome.StatusReturned);
        }

        if (!outcome.Body.AsSpan().SequenceEqual(payload))
        {
            throw new HarnessException(who + " answered with other bytes than the event: " + outcome.BodyText);
        }
    }
}
