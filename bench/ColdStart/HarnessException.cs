using System;

namespace Runtime.ColdStart;

/// <summary>A failure that ends the run with a message and a non-zero exit code (publish failed, child died, invoke failed...).</summary>
internal sealed class HarnessException : Exception
{
    public HarnessException(string message)
        : base(message)
    {
    }
}
