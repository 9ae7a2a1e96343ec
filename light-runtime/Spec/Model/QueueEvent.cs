namespace Runtime.Spec.Model;

/// <summary><c>mq</c>: messages from the cloud's queue or topic (SQS, CMQ/TDMQ, MNS, SMN, Storage Queue, Pub/Sub via Knative).</summary>
public sealed class QueueEvent : EventSpec
{
    /// <inheritdoc />
    public override string Kind => "mq";

    /// <summary><c>topic</c>: the queue or topic name (or ARN on AWS).</summary>
    public required string Topic { get; init; }

    /// <summary><c>batchSize</c>: messages per invocation where the cloud batches (default: the cloud's).</summary>
    public int? BatchSize { get; init; }

    /// <summary><c>filterTag</c>: only messages with this tag, where the cloud filters by tag.</summary>
    public string? FilterTag { get; init; }
}
