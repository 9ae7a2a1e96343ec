using System;
using Runtime.Engine.Errors;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// The app failed, seen from the layer: it did not become ready, exited, dropped the connection, answered with an error
/// status, or ran past the deadline. The message names the layer and what was checked or sent (never a body or a
/// header value); <see cref="ErrorType"/> is one of <see cref="WebAppErrorTypes"/>.
/// </summary>
internal sealed class WebAppException : Exception, IFaaSErrorType
{
    /// <summary>Creates the exception.</summary>
    public WebAppException(string errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    /// <inheritdoc />
    public string ErrorType { get; }
}
