namespace Runtime.Light.Adapters.Alibaba;

/// <summary>
/// Alibaba Cloud Function Compute custom runtime (FC 2.0 and 3.0): environment, paths and headers.
/// https://www.alibabacloud.com/help/en/functioncompute/fc/principles-1 and shared/docs/protocols.md section 3.
/// </summary>
internal static class FcProtocol
{
    public const string PlatformName = "alibaba-fc";

    public const string ListenPortEnv = "FC_CUSTOM_LISTEN_PORT";
    public const string ServerPortEnv = "FC_SERVER_PORT";
    public const int DefaultPort = 9000;
    public const string FunctionNameEnv = "FC_FUNCTION_NAME";
    public const string HandlerEnv = "FC_FUNCTION_HANDLER";
    public const string MemoryEnv = "FC_FUNCTION_MEMORY_SIZE";
    public const string VersionEnv = "FC_FUNCTION_VERSION";

    public const string InvokePath = "/invoke";
    public const string InitializePath = "/initialize";
    public const string PreStopPath = "/pre-stop";
    public const string PreFreezePath = "/pre-freeze";

    public const string ControlPathHeader = "x-fc-control-path";
    public const string RequestIdHeader = "x-fc-request-id";
    public const string TimeoutHeader = "x-fc-function-timeout";
    public const string StatusHeader = "x-fc-status";
    public const string AccessKeyIdHeader = "x-fc-access-key-id";
    public const string AccessKeySecretHeader = "x-fc-access-key-secret";
    public const string SecurityTokenHeader = "x-fc-security-token";
    public const string RegionHeader = "x-fc-region";
    public const string AccountIdHeader = "x-fc-account-id";
    public const string QualifierHeader = "x-fc-qualifier";
    public const string FunctionNameHeader = "x-fc-function-name";
    public const string RetryCountHeader = "x-fc-retry-count";

    /// <summary>FC's answer for a failed event invocation: status 404 and <c>x-fc-status: 404</c> (custom runtime event functions doc).</summary>
    public const int FunctionErrorStatus = 404;
}
