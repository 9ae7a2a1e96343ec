using System;

namespace Runtime.Light.Adapters;

/// <summary>
/// How a poll-model platform's loop treats a failed poll. AWS and SCF: a lost connection is retried a few times
/// with backoff and any non-200 answer to the poll ends the process. Huawei's official sample instead waits ~50 ms
/// and polls again after any failure, a non-200 answer or an event without a request id.
/// <see cref="RedeliversUnanswered"/>: SCF hands the same event to every poll until it is answered, so an event whose
/// body was cut off is simply polled for again; AWS and Huawei never hand it out again, so the runtime answers it with
/// an error instead of leaving it to time out.
/// </summary>
internal readonly record struct PollPolicy(int MaxConsecutiveFailures, TimeSpan BaseDelay, bool Exponential, bool NonOkIsFatal,
    bool RedeliversUnanswered = false)
{
    /// <summary>AWS Lambda.</summary>
    public static PollPolicy Strict { get; } = new(5, TimeSpan.FromMilliseconds(10), Exponential: true, NonOkIsFatal: true);

    /// <summary>Tencent SCF: <see cref="Strict"/>, and <c>/next</c> re-sends the event until it is answered.</summary>
    public static PollPolicy StrictRedelivering { get; } = Strict with { RedeliversUnanswered = true };

    /// <summary>The delay before attempt <paramref name="failures"/> + 1.</summary>
    public TimeSpan Delay(int failures) =>
        Exponential ? TimeSpan.FromTicks(BaseDelay.Ticks * (1L << Math.Min(failures, 10))) : BaseDelay;
}
