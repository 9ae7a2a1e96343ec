using System;
using System.Text;

namespace Runtime.Light.Http;

/// <summary>
/// Header names the runtime reads, kept as one string each so parsing a known header allocates no name and
/// callers can compare by reference. A response keeps only the values of these headers (see <see cref="IsRead"/>):
/// a header a protocol needs must be listed here.
/// </summary>
internal static class KnownHeaders
{
    public const string ContentLength = "Content-Length";
    public const string TransferEncoding = "Transfer-Encoding";
    public const string Connection = "Connection";
    public const string ContentType = "Content-Type";
    public const string Date = "Date";
    public const string AwsRequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string AwsDeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string AwsFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string AwsTraceId = "Lambda-Runtime-Trace-Id";
    public const string AwsClientContext = "Lambda-Runtime-Client-Context";
    public const string AwsCognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    public const string AwsTenantId = "Lambda-Runtime-Aws-Tenant-Id";
    public const string AwsInvocationId = "Lambda-Runtime-Invocation-Id";
    public const string ScfRequestId = "request_id";
    public const string ScfMemoryLimit = "memory_limit_in_mb";
    public const string ScfTimeLimit = "time_limit_in_ms";
    public const string HuaweiRequestId = "X-Cff-Request-Id";
    public const string HuaweiAccessKey = "X-CFF-Access-Key";
    public const string HuaweiSecretKey = "X-CFF-Secret-Key";
    public const string HuaweiAuthToken = "X-CFF-Auth-Token";
    public const string HuaweiSecurityToken = "X-CFF-Security-Token";
    public const string HuaweiInvokeType = "X-CFF-Invoke-Type";

    private static readonly string[] s_all =
    {
        ContentLength, TransferEncoding, Connection, ContentType, Date, AwsRequestId, AwsDeadlineMs, AwsFunctionArn,
        AwsTraceId, AwsClientContext, AwsCognitoIdentity, AwsTenantId, AwsInvocationId, ScfRequestId, ScfMemoryLimit,
        ScfTimeLimit, HuaweiRequestId, HuaweiAccessKey, HuaweiSecretKey, HuaweiAuthToken, HuaweiSecurityToken, HuaweiInvokeType,
    };

    /// <summary>The shared string for a known name (matched case-insensitively), else null: the header is not read.</summary>
    public static string? Intern(ReadOnlySpan<byte> name)
    {
        foreach (string known in s_all)
        {
            if (known.Length == name.Length && Ascii.EqualsIgnoreCase(name, known))
            {
                return known;
            }
        }
        return null;
    }

    /// <summary>Whether a response keeps this header's value (the framing headers and Date are parsed or ignored).</summary>
    public static bool IsRead([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name) =>
        name is not null && !ReferenceEquals(name, ContentLength) && !ReferenceEquals(name, TransferEncoding)
        && !ReferenceEquals(name, Connection) && !ReferenceEquals(name, Date);
}
