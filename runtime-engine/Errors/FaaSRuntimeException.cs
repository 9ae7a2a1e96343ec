using System;

namespace Runtime.Engine.Errors;

/// <summary>A failure of the runtime around the function, reported with a <c>Runtime.*</c> error type.</summary>
public class FaaSRuntimeException : Exception, IFaaSErrorType
{
    /// <summary>Creates the exception with an error type such as <c>Runtime.InvalidEvent</c>.</summary>
    public FaaSRuntimeException(string errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    /// <inheritdoc />
    public string ErrorType { get; }
}
