namespace Runtime.Light.Adapters.Aws;

/// <summary>
/// AWS Lambda's own per-invocation context, from the <c>/next</c> headers: read it with
/// <c>context.GetPlatformContext&lt;LambdaInvocationContext&gt;()</c>.
/// </summary>
public sealed class LambdaInvocationContext
{
    internal LambdaInvocationContext(string? invokedFunctionArn, string? clientContext, string? cognitoIdentity, string? tenantId,
        string? invocationId)
    {
        InvokedFunctionArn = invokedFunctionArn;
        ClientContext = clientContext;
        CognitoIdentity = cognitoIdentity;
        TenantId = tenantId;
        InvocationId = invocationId;
    }

    /// <summary>The ARN the caller used (may name a version or alias).</summary>
    public string? InvokedFunctionArn { get; }

    /// <summary>The mobile client context JSON, when the caller passed one.</summary>
    public string? ClientContext { get; }

    /// <summary>The Cognito identity JSON, when there is one.</summary>
    public string? CognitoIdentity { get; }

    /// <summary>The tenant id in tenant-isolation mode.</summary>
    public string? TenantId { get; }

    /// <summary>The per-attempt invocation id (never reused across retries, unlike the request id).</summary>
    public string? InvocationId { get; }
}
