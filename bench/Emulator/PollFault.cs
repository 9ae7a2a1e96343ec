namespace Runtime.Emulator;

/// <summary>A fault the emulator applies to one <c>GET …/runtime/invocation/next</c> (queued with <c>FailNextPoll</c>, FIFO).</summary>
/// <remarks>
/// <see cref="InternalServerError"/>, <see cref="Gone"/> and <see cref="DropConnection"/> are applied as soon as the poll arrives and never
/// consume an invocation, so a runtime that retries still receives it. <see cref="SlowHeaders"/> waits for an invocation
/// as usual, then holds the response headers back for about 200 ms.
/// </remarks>
public enum PollFault
{
    /// <summary>No fault.</summary>
    None,

    /// <summary>Answer 500 with a JSON error body (the platform's "container error, exit promptly").</summary>
    InternalServerError,

    /// <summary>Abort the TCP connection mid-poll, before any response byte is written.</summary>
    DropConnection,

    /// <summary>Delay the response headers by about 200 ms after the invocation is ready.</summary>
    SlowHeaders,

    /// <summary>Answer 410 with a JSON error body, as soon as the poll arrives (an answer the protocol never gives to a poll).</summary>
    Gone,
}
