using System;
using System.IO;
using System.Net.Sockets;
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

    /// <summary>
    /// Runs the server platform's readiness probe while the child starts; throws if the child exits first, if the
    /// probe's first request fails, or if nothing answers within <paramref name="timeout"/>. The probe never outlives
    /// this call (it would otherwise go on connecting to the port until its own timeout).
    /// </summary>
    public static async Task<ReadyInfo> ForReadyAsync(ServerTarget target, ChildProcess child, TimeSpan timeout, string who,
        CancellationToken cancellationToken)
    {
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<ReadyInfo> ready = target.WaitForReadyAsync(timeout, probe.Token);
        Task first = await Task.WhenAny(ready, child.Exited).ConfigureAwait(false);
        if (first != ready && !ready.IsCompleted)
        {
            await probe.CancelAsync().ConfigureAwait(false);
            await ((Task)ready).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw new HarnessException(who + " exited early, before it was ready: " + await child.DescribeAsync().ConfigureAwait(false));
        }

        try
        {
            return await ready.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or InvalidDataException or SocketException)
        {
            // Stop it first: once it has exited, its output can be read to the end for the message.
            await child.StopAsync(s_stopGrace).ConfigureAwait(false);
            throw new HarnessException(who + ": not ready (" + ex.Message + "); stopped it; child " + await child.DescribeAsync().ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Awaits a server platform's call to the child. The call has its own upper bound (the caller's request timeout),
    /// and a child that dies closes its sockets, which ends the call too; either way the failure names the child's end.
    /// </summary>
    public static async Task<ServerAnswer> ForAnswerAsync(Task<ServerAnswer> call, ChildProcess child, string what, string who)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or InvalidDataException or SocketException)
        {
            if (!child.HasExited)
            {
                await child.StopAsync(s_stopGrace).ConfigureAwait(false);
            }

            throw new HarnessException(who + ": no " + what + " (" + ex.Message + "); child " + await child.DescribeAsync().ConfigureAwait(false));
        }
    }

    /// <summary>Checks that the server platform would count the answer a success and that it carries the event back.</summary>
    public static void RequireSuccess(ServerAnswer answer, string who)
    {
        if (answer.Failure is not null)
        {
            throw new HarnessException(who + " " + answer.Failure);
        }
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
