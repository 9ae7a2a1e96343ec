namespace Runtime.Emulator;

/// <summary>Lambda Runtime API paths (protocols.md §1.2).</summary>
internal static class AwsPaths
{
    public const string Base = "/2018-06-01";
    public const string Next = Base + "/runtime/invocation/next";
    public const string InvocationPrefix = Base + "/runtime/invocation/";
    public const string InitError = Base + "/runtime/init/error";
}
