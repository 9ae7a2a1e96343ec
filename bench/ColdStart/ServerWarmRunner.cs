using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.ColdStart;

/// <summary>
/// Server platforms: one long-lived child; once it is ready, M events one after another through the emulator's
/// keep-alive caller (the next is sent when the previous is answered). Each round trip is the caller's: first byte of
/// the request written → last byte of the answer read. Memory as in <see cref="WarmMeter"/>; the connections the
/// caller had to open during the loop are counted (0 = the subject kept the connection alive throughout).
/// </summary>
internal static class ServerWarmRunner
{
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_sigtermGrace = TimeSpan.FromSeconds(5);

    public static async Task<WarmResult> RunAsync(
        Subject subject, string root, Platform platform, byte[] payload, int count, CancellationToken cancellationToken)
    {
        string who = subject.Name + " (" + Platforms.Name(platform) + ", warm)";
        await using ServerTarget target = ServerTarget.Create(platform, payload, subject);
        await using ChildProcess child = subject.Start(root, target.Environment, out _);

        // A long run drains the child's output from the start, so a chatty subject never blocks on a full pipe.
        child.StartDraining();
        await Waits.ForReadyAsync(target, child, s_readyTimeout, who, cancellationToken).ConfigureAwait(false);
        int connectionsBefore = target.ConnectionsOpened;
        var meter = new WarmMeter(child, count);
        for (int i = 0; i < count; i++)
        {
            ServerAnswer answer;
            try
            {
                answer = await Waits.ForAnswerAsync(target.SendEventAsync(cancellationToken), child, "answer", who).ConfigureAwait(false);
                Waits.RequireSuccess(answer, who);
            }
            catch (HarnessException ex)
            {
                // The invocation number only on failure: nothing is formatted per invocation on the way.
                throw new HarnessException("invocation " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + ex.Message);
            }

            meter.Record(i, ServerTarget.RoundTripUs(answer.Response));
        }

        WarmResult result = meter.Finish(target.ConnectionsOpened - connectionsBefore);
        await child.StopAsync(s_sigtermGrace).ConfigureAwait(false);
        return result;
    }
}
