using System.Collections.Generic;

namespace Runtime.Spec.Model;

/// <summary><c>os</c>: object storage notifications (S3, COS, OSS, OBS, Blob storage).</summary>
public sealed class ObjectStorageEvent : EventSpec
{
    /// <inheritdoc />
    public override string Kind => "os";

    /// <summary><c>bucket</c>: the bucket (container) name.</summary>
    public required string Bucket { get; init; }

    /// <summary><c>events</c>: the portable event names <c>created</c> and/or <c>deleted</c> (default: <c>created</c>).</summary>
    public IReadOnlyList<string> Events { get; init; } = ["created"];

    /// <summary><c>prefix</c>: only keys starting with it.</summary>
    public string? Prefix { get; init; }

    /// <summary><c>suffix</c>: only keys ending with it.</summary>
    public string? Suffix { get; init; }
}
