using System;

namespace Runtime.Fuzz;

/// <summary>An oracle check failed: the target returned, but not consistently (or allocated without bound).</summary>
internal sealed class FuzzFailure : Exception
{
    public FuzzFailure(string message)
        : base(message)
    {
    }
}
