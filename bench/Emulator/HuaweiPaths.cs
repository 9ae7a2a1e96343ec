namespace Runtime.Emulator;

/// <summary>FunctionGraph custom-runtime API paths (protocols.md §4); the request id is the last path segment.</summary>
internal static class HuaweiPaths
{
    public const string Request = "/v1/runtime/invocation/request";
    public const string ResponsePrefix = "/v1/runtime/invocation/response/";
    public const string ErrorPrefix = "/v1/runtime/invocation/error/";
}
