using System;

namespace Runtime.Light.Adapters;

/// <summary>
/// How a poll-model platform's loop treats a failed poll. AWS and SCF: a lost connection is retried a few times
/// with backoff and any non-200 answer to the poll ends the process. Huawei's official sample instead waits ~50 ms
/// and polls again after any failure, a non-200 answer or an event without a request id.
/// </summary>
internal readonly record struct PollPolicy(int MaxConsecutiveFailures, TimeSpan BaseDelay, bool Exponential, bool NonOkIsFatal)
{
    /// <summary>AWS Lambda and Tencent SCF.</summary>
    public static PollPolicy Strict { get; } = new(5, TimeSpan.FromMilliseconds(10), Exponential: true, NonOkIsFatal: true);

    /// <summary>The delay before attempt <paramref name="failures"/> + 1.</summary>
    public TimeSpan Delay(int failures) =>
        Exponential ? TimeSpan.FromTicks(BaseDelay.Ticks * (1L << Math.Min(failures, 10))) : BaseDelay;
}
