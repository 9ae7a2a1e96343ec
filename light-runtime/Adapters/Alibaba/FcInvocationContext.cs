namespace Runtime.Light.Adapters.Alibaba;

/// <summary>
/// Function Compute's per-invocation context, from the common <c>x-fc-*</c> request headers: read it with
/// <c>context.GetPlatformContext&lt;FcInvocationContext&gt;()</c>. The temporary credentials are the function role's;
/// the runtime never logs them, and strips the <c>x-fc-*</c> headers from the HTTP request the function sees.
/// </summary>
public sealed class FcInvocationContext
{
    internal FcInvocationContext(string? region, string? accountId, string? qualifier, string? functionName, int retryCount,
        string? accessKeyId, string? accessKeySecret, string? securityToken)
    {
        Region = region;
        AccountId = accountId;
        Qualifier = qualifier;
        FunctionName = functionName;
        RetryCount = retryCount;
        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SecurityToken = securityToken;
    }

    /// <summary><c>x-fc-region</c>.</summary>
    public string? Region { get; }

    /// <summary><c>x-fc-account-id</c>.</summary>
    public string? AccountId { get; }

    /// <summary><c>x-fc-qualifier</c> (version or alias).</summary>
    public string? Qualifier { get; }

    /// <summary><c>x-fc-function-name</c>.</summary>
    public string? FunctionName { get; }

    /// <summary><c>x-fc-retry-count</c> (0 when absent).</summary>
    public int RetryCount { get; }

    /// <summary><c>x-fc-access-key-id</c>.</summary>
    public string? AccessKeyId { get; }

    /// <summary><c>x-fc-access-key-secret</c>.</summary>
    public string? AccessKeySecret { get; }

    /// <summary><c>x-fc-security-token</c>.</summary>
    public string? SecurityToken { get; }
}
