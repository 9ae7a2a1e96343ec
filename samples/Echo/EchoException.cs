using System;

namespace Samples.Echo;

/// <summary>The echo function's own error, thrown on request so a user can see how errors reach the platform.</summary>
public sealed class EchoException : Exception
{
    public EchoException(string message)
        : base(message)
    {
    }
}
