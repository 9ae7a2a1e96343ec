namespace Runtime.Engine.Errors;

/// <summary>The <c>Category.Reason</c> error types the runtime itself reports.</summary>
public static class ErrorTypes
{
    /// <summary>The event could not be read as the handler's event type (malformed or empty JSON).</summary>
    public const string InvalidEvent = "Runtime.InvalidEvent";

    /// <summary>An HTTP handler received an event that is not HTTP-shaped.</summary>
    public const string NotHttpEvent = "Runtime.NotHttpEvent";

    /// <summary>The configured handler names no registered function.</summary>
    public const string NoSuchHandler = "Runtime.NoSuchHandler";

    /// <summary>An aggregated instance cannot tell which of its functions an event is for (no trigger name, or an unknown one).</summary>
    public const string NoRoute = "Runtime.NoRoute";

    /// <summary>A configuration value did not parse.</summary>
    public const string ConfigInvalid = "Runtime.ConfigInvalid";

    /// <summary>A start-phase hook or the user's initialiser failed.</summary>
    public const string InitFailed = "Runtime.InitError";

    /// <summary>The function's result was larger than the platform accepts.</summary>
    public const string ResponseTooLarge = "Function.ResponseSizeTooLarge";

    /// <summary>The invocation ran past its deadline.</summary>
    public const string Timeout = "Function.Timeout";
}
