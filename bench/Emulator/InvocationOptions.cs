namespace Runtime.Emulator;

/// <summary>Per-invocation settings for <c>Enqueue</c> / <c>InvokeAsync</c>.</summary>
public sealed class InvocationOptions
{
    /// <summary>Request id; a new GUID when null.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// X-Ray trace header sent as <c>Lambda-Runtime-Trace-Id</c>. Null generates a valid
    /// <c>Root=1-&lt;8 hex&gt;-&lt;24 hex&gt;;Parent=&lt;16 hex&gt;;Sampled=1</c>; an empty string omits the header (it is optional).
    /// </summary>
    public string? TraceId { get; init; }

    /// <summary>JSON sent as <c>Lambda-Runtime-Client-Context</c> (AWS only); omitted when null.</summary>
    public string? ClientContext { get; init; }

    /// <summary>JSON sent as <c>Lambda-Runtime-Cognito-Identity</c> (AWS only); omitted when null.</summary>
    public string? CognitoIdentity { get; init; }

    /// <summary>Sent as <c>Lambda-Runtime-Aws-Tenant-Id</c> (AWS only); omitted when null.</summary>
    public string? TenantId { get; init; }

    /// <summary>ARN sent as <c>Lambda-Runtime-Invoked-Function-Arn</c> (it may name a version or alias); the emulator's function ARN when null.</summary>
    public string? InvokedFunctionArn { get; init; }

    /// <summary>Huawei only: <c>X-CFF-Invoke-Type</c> sent with the event; the emulator's default (<c>sync</c>) when null.</summary>
    public string? InvokeType { get; init; }

    /// <summary>Content-Type of the event on <c>/next</c>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>
    /// Fault: deliver this event on <c>/next</c> without <c>Lambda-Runtime-Aws-Request-Id</c>. Such a delivery does not
    /// count as outstanding and cannot be answered (its request id is unknown to the runtime), so its completion never
    /// finishes; the runtime is expected to treat the poll as failed and poll again.
    /// </summary>
    public bool OmitRequestId { get; init; }

    /// <summary>
    /// Fault: on <c>/next</c>, announce the whole event in <c>Content-Length</c>, write only its first half, then reset the
    /// connection. Applies to the first delivery only: the invocation counts as delivered (AWS and Huawei would time it
    /// out); SCF hands the same event to the next poll, whole.
    /// </summary>
    public bool TruncateEvent { get; init; }

    /// <summary>Fault applied when the runtime posts <c>/response</c> or <c>/error</c> for this invocation (once, to the first post).</summary>
    public ResponseFault ResponseFault { get; init; }
}
