using Runtime.Emulator;

namespace Runtime.ColdStart;

/// <summary>A server-model subject's answer to one event, and why the platform would not count it a success (null if it would).</summary>
internal readonly record struct ServerAnswer(ReceivedResponse Response, string? Failure);
