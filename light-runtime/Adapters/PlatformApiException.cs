using System;

namespace Runtime.Light.Adapters;

/// <summary>The platform's API answered in a way that means this instance cannot go on (a 5xx, a lost connection).</summary>
internal sealed class PlatformApiException : Exception
{
    public PlatformApiException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
