using System;

namespace Runtime.Light.Adapters;

/// <summary>What a poll protocol read from one <c>next</c> response, beyond the payload.</summary>
internal readonly record struct PolledInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string? TraceId,
    string? ContentType,
    object? PlatformContext,
    string? InvocationId);
