using System;

namespace Runtime.Light.Adapters.Tencent;

/// <summary>
/// Tencent SCF custom runtime API (event functions): paths, headers and environment variable names.
/// https://www.tencentcloud.com/document/product/583/38129 and shared/docs/protocols.md section 2.
/// </summary>
internal static class ScfProtocol
{
    public const string PlatformName = "tencent-scf";

    public const string RuntimeApiEnv = "SCF_RUNTIME_API";
    public const string RuntimeApiPortEnv = "SCF_RUNTIME_API_PORT";
    public const string HandlerEnv = "_HANDLER";
    public const string FunctionNameEnv = "SCF_FUNCTIONNAME";
    public const string FunctionVersionEnv = "SCF_FUNCTIONVERSION";

    public static ReadOnlySpan<byte> InitReadyPath => "/runtime/init/ready"u8;
    public static ReadOnlySpan<byte> NextPath => "/runtime/invocation/next"u8;
    public static ReadOnlySpan<byte> ResponsePath => "/runtime/invocation/response"u8;
    public static ReadOnlySpan<byte> ErrorPath => "/runtime/invocation/error"u8;
    public static ReadOnlySpan<byte> ContentTypeHeader => "Content-Type"u8;
    public static ReadOnlySpan<byte> JsonContentType => "application/json"u8;

    /// <summary>SCF's documented demos send a single space as the init-ready body; the body is ignored.</summary>
    public static ReadOnlySpan<byte> InitReadyBody => " "u8;

    /// <summary>SCF's status for a response over its 6 MB limit ("The size of response exceeds the upper limit").</summary>
    public const int ResponseTooLargeStatus = 407;

    public const long MaxEventBytes = 32L * 1024 * 1024;
}
