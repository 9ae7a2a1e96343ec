using System;
using Runtime.Engine.Buffers;
using Runtime.Engine.Http;

namespace Runtime.Engine;

/// <summary>
/// What an adapter hands the engine for one invocation: identity, deadline, trace, payload and the platform's
/// own context. The adapter owns <see cref="Payload"/> and <see cref="Output"/> (both reused across invocations of
/// one worker loop) and must not touch them until <see cref="FunctionRuntime.InvokeAsync"/> has returned.
/// </summary>
public sealed class Invocation
{
    /// <summary>The platform's request id.</summary>
    public required string RequestId { get; init; }

    /// <summary>When the platform stops waiting; <see cref="DateTimeOffset.MaxValue"/> when it gives none.</summary>
    public DateTimeOffset Deadline { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>The trace header value (for example X-Ray's <c>Root=...</c>), if the platform sent one.</summary>
    public string? TraceId { get; init; }

    /// <summary>The event bytes.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>The event's content type, if the platform says.</summary>
    public string? ContentType { get; init; }

    /// <summary>The platform's own per-invocation context object (for example the Lambda ARN and client context).</summary>
    public object? PlatformContext { get; init; }

    /// <summary>Decodes HTTP-shaped events for HTTP handlers; null when the platform has none.</summary>
    public IHttpEventCodec? HttpCodec { get; init; }

    /// <summary>Where the function's result bytes go. Reset by the adapter before each invocation.</summary>
    public required PooledBufferWriter Output { get; init; }

    /// <summary>
    /// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the invocation began: set by the adapters, which read
    /// the clock anyway for their own log line, and for a context built inside a native layer library (whose hooks run
    /// after the host began it); 0 = now, when the context is built.
    /// </summary>
    internal long StartTimestamp { get; init; }
}
