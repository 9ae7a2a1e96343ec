namespace Runtime.Emulator;

/// <summary>Fixed JSON error bodies of the Lambda Runtime API (<c>{"errorMessage","errorType"}</c>, protocols.md §1.2).</summary>
internal static class AwsBodies
{
    public static readonly byte[] InvalidRequestId =
        HttpExchange.ErrorBody("InvalidRequestID", "Invalid request ID");

    public static readonly byte[] AlreadyAnswered =
        HttpExchange.ErrorBody("InvalidStateTransition", "Invalid state transition: a response or error was already sent for this request ID");

    public static readonly byte[] TooManyOutstanding =
        HttpExchange.ErrorBody("InvalidStateTransition", "Invalid state transition: /next called while the maximum number of invocations is outstanding");

    public static readonly byte[] InvalidResponseMode =
        HttpExchange.ErrorBody("InvalidFunctionResponseMode", "Lambda-Runtime-Function-Response-Mode must be 'streaming'");

    public static readonly byte[] InvokeTimeout =
        HttpExchange.ErrorBody("InvokeTimeout", "Invoke timed out");

    public static readonly byte[] InternalError =
        HttpExchange.ErrorBody("InternalError", "Internal error (injected fault)");

    public static readonly byte[] NotFound =
        HttpExchange.ErrorBody("NotFound", "Unknown path");

    public static readonly byte[] MethodNotAllowed =
        HttpExchange.ErrorBody("MethodNotAllowed", "Method not allowed on this path");
}
