using System;
using Runtime.Engine.Errors;

namespace Runtime.Engine.Layers.Native;

/// <summary>An error that crossed the layer ABI: it keeps the error type, message and frames reported on the other side.</summary>
public sealed class NativeLayerException : Exception, IFaaSErrorType
{
    /// <summary>Creates the exception from a report.</summary>
    public NativeLayerException(FaaSError error)
        : base(error.ErrorMessage)
    {
        ErrorType = error.ErrorType;
        Frames = error.StackTrace;
    }

    /// <inheritdoc />
    public string ErrorType { get; }

    /// <summary>The stack frames reported across the ABI, if any.</summary>
    public string[]? Frames { get; }

    /// <inheritdoc />
    public override string? StackTrace => Frames is null ? base.StackTrace : string.Join(Environment.NewLine, Frames);
}
