namespace Runtime.Light.Adapters.Huawei;

/// <summary>
/// FunctionGraph's per-invocation context, from the request headers: read it with
/// <c>context.GetPlatformContext&lt;HuaweiInvocationContext&gt;()</c>. The temporary credentials are the function's
/// agency credentials (present only when an agency is configured); the runtime never logs them.
/// </summary>
public sealed class HuaweiInvocationContext
{
    internal HuaweiInvocationContext(string? invokeType, string? accessKey, string? secretKey, string? authToken, string? securityToken)
    {
        InvokeType = invokeType;
        AccessKey = accessKey;
        SecretKey = secretKey;
        AuthToken = authToken;
        SecurityToken = securityToken;
    }

    /// <summary><c>X-CFF-Invoke-Type</c>.</summary>
    public string? InvokeType { get; }

    /// <summary><c>X-CFF-Access-Key</c>.</summary>
    public string? AccessKey { get; }

    /// <summary><c>X-CFF-Secret-Key</c>.</summary>
    public string? SecretKey { get; }

    /// <summary><c>X-CFF-Auth-Token</c>.</summary>
    public string? AuthToken { get; }

    /// <summary><c>X-CFF-Security-Token</c>.</summary>
    public string? SecurityToken { get; }
}
