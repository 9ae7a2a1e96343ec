namespace Runtime.Light.Adapters;

/// <summary>Why serving ended.</summary>
internal enum ServeOutcome
{
    /// <summary>The runtime was told to stop (SIGTERM, the platform's stop call): close and exit 0.</summary>
    Stopped,

    /// <summary>The platform's API failed in a way that means the sandbox is broken: exit non-zero, the platform replaces it.</summary>
    PlatformFailed,
}
