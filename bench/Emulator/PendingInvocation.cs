using System;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>An invocation queued on an emulator; <see cref="Completion"/> finishes when the runtime answers it.</summary>
public sealed class PendingInvocation
{
    private readonly TaskCompletionSource<InvocationOutcome> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private long _deliveredTimestamp;
    private long _deadlineMs;
    private int _deliveryCount;

    internal PendingInvocation(string requestId, string? invocationId, string traceId, byte[] payload, InvocationOptions options)
    {
        RequestId = requestId;
        InvocationId = invocationId;
        TraceId = traceId;
        PayloadBytes = payload;
        Options = options;
        PendingFault = options.ResponseFault;
    }

    /// <summary>Request id (<c>Lambda-Runtime-Aws-Request-Id</c> / SCF <c>request_id</c>).</summary>
    public string RequestId { get; }

    /// <summary>Per-attempt <c>Lambda-Runtime-Invocation-Id</c>; null when the emulator does not send one.</summary>
    public string? InvocationId { get; }

    /// <summary>Trace header value; empty when the header is omitted.</summary>
    public string TraceId { get; }

    /// <summary>Event bytes.</summary>
    public ReadOnlyMemory<byte> Payload => PayloadBytes;

    /// <summary>Completes on the runtime's first <c>/response</c> or <c>/error</c> for this invocation; cancelled when the emulator is disposed first.</summary>
    public Task<InvocationOutcome> Completion => _completion.Task;

    /// <summary>Stopwatch timestamp when <c>/next</c> handed this invocation out (0 until then).</summary>
    public long DeliveredTimestamp => Volatile.Read(ref _deliveredTimestamp);

    /// <summary>AWS: the <c>Lambda-Runtime-Deadline-Ms</c> value sent (epoch ms; 0 until delivered).</summary>
    public long DeadlineMs => Volatile.Read(ref _deadlineMs);

    /// <summary>How many <c>/next</c> responses carried this invocation (SCF repeats the current event).</summary>
    public int DeliveryCount => Volatile.Read(ref _deliveryCount);

    internal byte[] PayloadBytes { get; }

    internal InvocationOptions Options { get; }

    /// <summary>Guarded by the owning emulator's lock.</summary>
    internal ResponseFault PendingFault { get; set; }

    /// <summary>Handed to a poller (guarded by the owning emulator's lock).</summary>
    internal bool IsAssigned { get; set; }

    /// <summary>Answered (guarded by the owning emulator's lock).</summary>
    internal bool IsCompleted { get; set; }

    internal void MarkDelivered(long timestamp, long deadlineMs)
    {
        // Only the first delivery stamps: SCF re-sends the same event and the round trip starts at the first one.
        if (Interlocked.Increment(ref _deliveryCount) == 1)
        {
            Volatile.Write(ref _deadlineMs, deadlineMs);
            Volatile.Write(ref _deliveredTimestamp, timestamp);
        }
    }

    internal void Complete(InvocationOutcome outcome) => _completion.TrySetResult(outcome);

    internal void Cancel() => _completion.TrySetCanceled();
}
