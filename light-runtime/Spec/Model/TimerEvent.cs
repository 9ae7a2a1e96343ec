namespace Runtime.Spec.Model;

/// <summary><c>timer</c>: run on a schedule, given as exactly one of <c>cron</c> or <c>rate</c>.</summary>
public sealed class TimerEvent : EventSpec
{
    /// <inheritdoc />
    public override string Kind => "timer";

    /// <summary><c>cron</c>: five fields, minute hour day-of-month month day-of-week, in UTC; each generator rewrites it in its cloud's dialect.</summary>
    public string? Cron { get; init; }

    /// <summary><c>rate</c>: a positive interval, <c>&lt;n&gt;m</c>, <c>&lt;n&gt;h</c> or <c>&lt;n&gt;d</c> (minutes are the clouds' finest common grain).</summary>
    public System.TimeSpan? Rate { get; init; }

    /// <summary><c>payload</c>: a string passed to the function with each tick where the cloud supports one.</summary>
    public string? Payload { get; init; }

    /// <summary><c>enabled</c> (default true).</summary>
    public bool Enabled { get; init; } = true;
}
