namespace Runtime.Light.Hosting;

/// <summary>The bootstrap's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Stopped on request (SIGTERM, SIGINT) and closed.</summary>
    public const int Ok = 0;

    /// <summary>Start failed (RuntimeStart or FunctionStart, or a configuration value did not parse); reported as an init error.</summary>
    public const int StartFailed = 1;

    /// <summary>The platform could not even be reached: no platform detected, or its address unusable.</summary>
    public const int NoPlatform = 2;

    /// <summary>The platform's API failed (5xx, lost connection): the platform replaces the instance.</summary>
    public const int PlatformFailed = 3;

    /// <summary>A bug: an exception escaped the runtime itself.</summary>
    public const int InternalError = 70;
}
