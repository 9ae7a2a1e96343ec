using System;
using Runtime.Engine.Errors;

namespace Runtime.Engine.Functions.Aggregation;

/// <summary>An aggregation manifest does not fit the binary or is malformed; the message says what is wrong.</summary>
public sealed class AggregationException : Exception, IFaaSErrorType
{
    /// <summary>Creates the exception.</summary>
    public AggregationException(string message)
        : base(message)
    {
    }

    /// <inheritdoc />
    public string ErrorType => ErrorTypes.ConfigInvalid;
}
