namespace Runtime.Engine.Lifecycle;

/// <summary>The four phases of a function's life.</summary>
public enum LifecyclePhase
{
    /// <summary>Once per process, before any platform I/O; layers are loaded here.</summary>
    RuntimeStart,

    /// <summary>Once per function, before its first invocation: services built, handler constructed, initialiser run.</summary>
    FunctionStart,

    /// <summary>Once per invocation.</summary>
    Invoke,

    /// <summary>On the platform's stop signal or the end of input.</summary>
    Close,
}
