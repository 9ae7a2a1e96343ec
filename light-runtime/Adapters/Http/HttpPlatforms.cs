namespace Runtime.Light.Adapters.Http;

/// <summary>Names and variables of the platforms that send plain HTTP to a port.</summary>
internal static class HttpPlatforms
{
    public const string CloudRun = "cloud-run";
    public const string TencentWeb = "tencent-scf-web";
    public const string HuaweiHttp = "huawei-functiongraph-http";
    public const string PlainHttp = "http";

    /// <summary>Cloud Run and Knative: the port to listen on (Knative must set it; Cloud Run's default is 8080).</summary>
    public const string PortEnv = "PORT";

    /// <summary>Knative's (and Cloud Run's) service name.</summary>
    public const string KnativeServiceEnv = "K_SERVICE";

    /// <summary>Knative's (and Cloud Run's) revision name.</summary>
    public const string KnativeRevisionEnv = "K_REVISION";

    /// <summary>The Functions Framework's target function name, used as the handler name when set.</summary>
    public const string FunctionTargetEnv = "FUNCTION_TARGET";

    public static readonly string[] TencentRequestIdHeaders = { "X-Scf-Request-Id", "X-Request-Id" };

    public static readonly string[] HuaweiRequestIdHeaders = { "X-Cff-Request-Id", "X-Request-Id" };

    /// <summary>FunctionGraph HTTP functions: the function's timeout in whole seconds, on every request ("Common request headers").</summary>
    public const string HuaweiTimeoutHeader = "X-CFF-Timeout";
}
