namespace Runtime.Light.Hosting;

/// <summary>Names of the runtime's own, cloud-neutral settings (environment variables).</summary>
internal static class RuntimeEnv
{
    /// <summary>Forces the platform (detected from the environment when unset); see <see cref="PlatformDetector"/>.</summary>
    public const string Platform = "FAAS_PLATFORM";

    /// <summary>The function to serve, by registered name; must match when set.</summary>
    public const string Handler = "FAAS_HANDLER";

    /// <summary>The port a server-model bootstrap listens on (overrides the platform's port variable or fixed port).</summary>
    public const string Port = "FAAS_PORT";

    /// <summary>The address a server-model bootstrap binds (default 0.0.0.0; 127.0.0.1 on Azure, whose host calls on loopback).</summary>
    public const string BindAddress = "FAAS_BIND_ADDRESS";

    /// <summary>The folder whose sub-folders hold layers (each with a layer.json); default /opt/layers, where clouds unpack layers.</summary>
    public const string LayersDirectory = "FAAS_LAYERS_DIR";

    /// <summary>Where layers are looked for when <see cref="LayersDirectory"/> is not set.</summary>
    public const string DefaultLayersDirectory = "/opt/layers";

    /// <summary>
    /// The aggregation manifest (<c>faas-manifest.json</c>, written by the package step) to read; when unset, the one
    /// beside the executable is read if there is one. With several functions in it, the instance routes between them.
    /// </summary>
    public const string Manifest = "FAAS_MANIFEST";

    /// <summary>Minimum log level: TRACE, DEBUG, INFO, WARN, ERROR, FATAL (overrides the platform's).</summary>
    public const string LogLevel = "FAAS_LOG_LEVEL";

    /// <summary>Log format: <c>json</c> or <c>text</c> (overrides the platform's).</summary>
    public const string LogFormat = "FAAS_LOG_FORMAT";

    /// <summary>How long Close may take, in milliseconds (default per platform).</summary>
    public const string CloseTimeoutMs = "FAAS_CLOSE_TIMEOUT_MS";

    /// <summary>
    /// Every invocation's deadline, in seconds from its arrival, on a server-model platform (it wins over the
    /// platform's own timeout where the runtime can read one; see <see cref="Adapters.Server.ServerInvoker"/>). Unset:
    /// the platform's timeout if it tells one, else no deadline.
    /// </summary>
    public const string Timeout = "FAAS_TIMEOUT";

    /// <summary>
    /// How long past its deadline a handler that has not finished is waited for, in milliseconds (default 100), before
    /// the invocation is answered <c>Function.Timeout</c> without it.
    /// </summary>
    public const string DeadlineGraceMs = "FAAS_DEADLINE_GRACE_MS";

    /// <summary>Share of the function's memory given to the GC heap, in percent (default 75).</summary>
    public const string GcHeapPercent = "FAAS_GC_HEAP_PERCENT";

    /// <summary>
    /// Opt-in diagnostics: every this many invocations, log the process's GC collection counts, heap size and allocated
    /// bytes (one Information line; unset or 0 = off, and then nothing is added to the invoke path). Used by bench/Soak.
    /// </summary>
    public const string DiagnosticsGc = "FAAS_DIAGNOSTICS_GC";

    /// <summary>Set by a user who configured the GC limit themselves; then the runtime leaves it alone.</summary>
    public const string DotnetGcHeapHardLimit = "DOTNET_GCHeapHardLimit";

    /// <summary>As <see cref="DotnetGcHeapHardLimit"/>, in percent.</summary>
    public const string DotnetGcHeapHardLimitPercent = "DOTNET_GCHeapHardLimitPercent";
}
