namespace Runtime.Engine.Errors;

/// <summary>An exception that names its own <c>errorType</c> instead of its .NET type name.</summary>
public interface IFaaSErrorType
{
    /// <summary>The error type reported to the platform, for example <c>Runtime.InvalidEvent</c>.</summary>
    string ErrorType { get; }
}
