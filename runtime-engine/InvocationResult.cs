using Runtime.Engine.Errors;

namespace Runtime.Engine;

/// <summary>
/// How one invocation ended: exactly one of a response (bytes in <see cref="Invocation.Output"/>) or an error.
/// </summary>
public readonly struct InvocationResult
{
    private InvocationResult(FaaSError? error, string? contentType, bool abandoned = false)
    {
        Error = error;
        ContentType = contentType;
        Abandoned = abandoned;
    }

    /// <summary>The error to report, or null when the invocation succeeded.</summary>
    public FaaSError? Error { get; }

    /// <summary>The content type of the response bytes, when the function set one.</summary>
    public string? ContentType { get; }

    /// <summary>
    /// True when the handler was still running past its deadline and the grace, and the invocation was ended without
    /// it (the error is then <c>Function.Timeout</c>). The handler goes on in the background and may still read
    /// <see cref="Invocation.Payload"/> and write <see cref="Invocation.Output"/>: the adapter must not reuse or pool
    /// those buffers again, only drop them.
    /// </summary>
    public bool Abandoned { get; }

    /// <summary>True when there is a response to send.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>A successful result.</summary>
    public static InvocationResult Success(string? contentType) => new(null, contentType);

    /// <summary>A failed result.</summary>
    public static InvocationResult Failure(FaaSError error) => new(error, null);

    /// <summary>A failed result whose handler is still running (see <see cref="Abandoned"/>).</summary>
    internal static InvocationResult AbandonedFailure(FaaSError error) => new(error, null, abandoned: true);
}
