namespace Runtime.Engine;

/// <summary>Identity and limits of the deployed function, as the platform describes them.</summary>
public sealed class FunctionInfo
{
    /// <summary>Creates the description of a deployed function.</summary>
    public FunctionInfo(string name, string version, int memoryLimitMb, string? handler, string platform)
    {
        Name = name;
        Version = version;
        MemoryLimitMb = memoryLimitMb;
        Handler = handler;
        Platform = platform;
    }

    /// <summary>The function's name on the platform.</summary>
    public string Name { get; }

    /// <summary>The deployed version (for example <c>$LATEST</c>).</summary>
    public string Version { get; }

    /// <summary>The configured memory in MB, or 0 when the platform does not say.</summary>
    public int MemoryLimitMb { get; }

    /// <summary>The configured handler name that chose the function, if any.</summary>
    public string? Handler { get; }

    /// <summary>A short name of the platform the runtime detected (for example <c>aws-lambda</c>).</summary>
    public string Platform { get; }
}
