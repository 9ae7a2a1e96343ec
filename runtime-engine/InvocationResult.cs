using Runtime.Engine.Errors;

namespace Runtime.Engine;

/// <summary>
/// How one invocation ended: exactly one of a response (bytes in <see cref="Invocation.Output"/>) or an error.
/// </summary>
public readonly struct InvocationResult
{
    private InvocationResult(FaaSError? error, string? contentType)
    {
        Error = error;
        ContentType = contentType;
    }

    /// <summary>The error to report, or null when the invocation succeeded.</summary>
    public FaaSError? Error { get; }

    /// <summary>The content type of the response bytes, when the function set one.</summary>
    public string? ContentType { get; }

    /// <summary>True when there is a response to send.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>A successful result.</summary>
    public static InvocationResult Success(string? contentType) => new(null, contentType);

    /// <summary>A failed result.</summary>
    public static InvocationResult Failure(FaaSError error) => new(error, null);
}
