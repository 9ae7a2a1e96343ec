namespace Samples.Shop;

/// <summary>
/// A timer trigger's event, as much of it as the tick needs: AWS EventBridge schedules send <c>time</c>, Tencent SCF
/// timers <c>Time</c>, <c>TriggerName</c> and <c>Message</c> (names are read case-insensitively).
/// </summary>
public sealed record TimerTick(string? Time, string? TriggerName, string? Message);
