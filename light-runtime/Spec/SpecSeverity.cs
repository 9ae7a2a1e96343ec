namespace Runtime.Spec;

/// <summary>How bad a <see cref="SpecDiagnostic"/> is: an error stops generation; a warning is shown and generation goes on.</summary>
public enum SpecSeverity
{
    /// <summary>The spec cannot be deployed as written.</summary>
    Error,

    /// <summary>The spec deploys, but not exactly as written (the message says what differs).</summary>
    Warning,
}
