namespace Runtime.Emulator;

/// <summary>Tencent SCF custom-runtime API paths (protocols.md §2); no version prefix and no request id in the path.</summary>
internal static class ScfPaths
{
    public const string InitReady = "/runtime/init/ready";
    public const string Next = "/runtime/invocation/next";
    public const string Response = "/runtime/invocation/response";
    public const string Error = "/runtime/invocation/error";
}
