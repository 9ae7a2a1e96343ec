using System;

namespace Runtime.Soak;

/// <summary>The soak could not be run (publish failed, the child died, an answer was wrong): not a drift verdict.</summary>
internal sealed class SoakException : Exception
{
    public SoakException(string message)
        : base(message)
    {
    }
}
