namespace Runtime.Spec.Model;

/// <summary><c>log</c>: batches of log records from the cloud's log service (CloudWatch Logs, CLS, SLS, LTS).</summary>
public sealed class LogEvent : EventSpec
{
    /// <inheritdoc />
    public override string Kind => "log";

    /// <summary><c>project</c>: the log project / log group (CloudWatch log group name on AWS).</summary>
    public required string Project { get; init; }

    /// <summary><c>store</c>: the log store / topic inside the project, where the cloud has one.</summary>
    public string? Store { get; init; }

    /// <summary><c>filter</c>: a filter pattern, where the cloud filters (CloudWatch subscription filter).</summary>
    public string? Filter { get; init; }
}
