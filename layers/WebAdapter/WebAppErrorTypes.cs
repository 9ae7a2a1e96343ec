namespace Runtime.Layers.WebAdapter;

/// <summary>The <c>errorType</c>s the layer reports. The app is the function, so its failures are <c>Function.*</c>.</summary>
internal static class WebAppErrorTypes
{
    /// <summary>The app did not pass the readiness check within the time limit (a start error).</summary>
    public const string NotReady = "Function.AppNotReady";

    /// <summary>The app's process exited, before it became ready or while the function served.</summary>
    public const string Exited = "Function.AppExited";

    /// <summary>The app's command could not be started.</summary>
    public const string StartFailed = "Function.AppStartFailed";

    /// <summary>The loopback connection to the app failed (refused, reset or closed mid-answer).</summary>
    public const string ConnectionFailed = "Function.AppConnectionFailed";

    /// <summary>The app answered with a status listed in the error status codes setting.</summary>
    public const string ErrorStatus = "Function.AppErrorStatus";

    /// <summary>The app did not answer before the invocation's deadline.</summary>
    public const string Timeout = "Function.Timeout";
}
