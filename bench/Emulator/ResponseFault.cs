namespace Runtime.Emulator;

/// <summary>A fault applied to the first <c>/response</c> or <c>/error</c> the runtime posts for one invocation.</summary>
public enum ResponseFault
{
    /// <summary>No fault.</summary>
    None,

    /// <summary>410 <c>{"errorType":"InvokeTimeout"}</c>: the invoke already timed out. The outcome completes with status 410.</summary>
    Gone,

    /// <summary>413 <c>RequestEntityTooLarge</c>. The outcome does not complete; the runtime is expected to follow with <c>/error</c>.</summary>
    RequestEntityTooLarge,

    /// <summary>500 with a JSON error body. The outcome completes with status 500.</summary>
    InternalServerError,

    /// <summary>Abort the connection without answering. The outcome does not complete; a retry is accepted.</summary>
    DropConnection,
}
