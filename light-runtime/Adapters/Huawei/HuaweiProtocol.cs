using System;

namespace Runtime.Light.Adapters.Huawei;

/// <summary>
/// Huawei Cloud FunctionGraph custom runtime (event functions): paths, headers and environment variable names.
/// FunctionGraph "Custom Runtime" docs (also Open Telekom Cloud's) and shared/docs/protocols.md section 4.
/// </summary>
internal static class HuaweiProtocol
{
    public const string PlatformName = "huawei-functiongraph";

    public const string RuntimeApiEnv = "RUNTIME_API_ADDR";
    public const string FunctionNameEnv = "RUNTIME_FUNC_NAME";
    public const string FunctionVersionEnv = "RUNTIME_FUNC_VERSION";
    public const string HandlerEnv = "RUNTIME_HANDLER";
    public const string TimeoutEnv = "RUNTIME_TIMEOUT";
    public const string MemoryEnv = "RUNTIME_MEMORY";

    public static ReadOnlySpan<byte> NextPath => "/v1/runtime/invocation/request"u8;
    public static ReadOnlySpan<byte> ResponsePrefix => "/v1/runtime/invocation/response/"u8;
    public static ReadOnlySpan<byte> ErrorPrefix => "/v1/runtime/invocation/error/"u8;
    public static ReadOnlySpan<byte> ContentTypeHeader => "Content-Type"u8;
    public static ReadOnlySpan<byte> JsonContentType => "application/json"u8;

    /// <summary>The official sample waits about 50 ms before polling again after a failed or unusable poll.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>How many failed polls in a row (about 10 s at 50 ms) before the runtime gives up and exits.</summary>
    public const int MaxConsecutivePollFailures = 200;

    public const long MaxEventBytes = 32L * 1024 * 1024;
}
