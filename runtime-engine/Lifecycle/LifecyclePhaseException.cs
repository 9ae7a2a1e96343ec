using System;
using Runtime.Engine.Errors;

namespace Runtime.Engine.Lifecycle;

/// <summary>
/// A start phase failed. Names the phase and what failed (a hook by name, or the function), and carries the
/// original exception, whose type is what the platform is told.
/// </summary>
public sealed class LifecyclePhaseException : Exception, IFaaSErrorType
{
    /// <summary>Creates the exception.</summary>
    public LifecyclePhaseException(LifecyclePhase phase, string source, Exception innerException)
        : base($"{phase} failed in {source}: {innerException.Message}", innerException)
    {
        Phase = phase;
        Source = source;
        ErrorType = innerException is IFaaSErrorType typed ? typed.ErrorType : FaaSErrorFactory.TypeName(innerException);
    }

    /// <summary>The phase that failed.</summary>
    public LifecyclePhase Phase { get; }

    /// <summary>What failed: <c>hook 'name'</c>, <c>function 'name'</c>, or <c>router</c>.</summary>
    public new string Source { get; }

    /// <inheritdoc />
    public string ErrorType { get; }
}
