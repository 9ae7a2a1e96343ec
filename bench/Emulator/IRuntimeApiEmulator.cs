using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Emulator;

/// <summary>What the poll-model emulators (AWS, SCF, Huawei) have in common, for harnesses that drive any of them.</summary>
public interface IRuntimeApiEmulator : IAsyncDisposable
{
    /// <summary>Environment variables a bootstrap needs to run against this emulator.</summary>
    IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Completes when the first <c>GET …/runtime/invocation/next</c> arrives.</summary>
    Task<RecordedRequest> FirstPoll { get; }

    /// <summary>Snapshot copy of every request received, in arrival order.</summary>
    IReadOnlyList<RecordedRequest> Requests { get; }

    /// <summary>Queues an invocation.</summary>
    PendingInvocation Enqueue(ReadOnlyMemory<byte> payload, InvocationOptions? options = null);

    /// <summary>Queues an invocation with a UTF-8 payload.</summary>
    PendingInvocation Enqueue(string payloadUtf8, InvocationOptions? options = null);

    /// <summary>Queues an invocation and waits for the runtime's answer.</summary>
    Task<InvocationOutcome> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Queues an invocation with a UTF-8 payload and waits for the runtime's answer.</summary>
    Task<InvocationOutcome> InvokeAsync(string payload, InvocationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Queues a fault for the next <c>/next</c> (FIFO).</summary>
    void FailNextPoll(PollFault fault);
}
