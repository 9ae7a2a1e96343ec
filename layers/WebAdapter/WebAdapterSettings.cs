using System;
using System.Globalization;
using Runtime.Engine.Layers;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// The layer's configuration, read once at RuntimeStart. Each value comes from the first environment variable that is
/// set, in the order listed (our <c>FAAS_WEBAPP_*</c> name, then AWS Lambda Web Adapter's <c>AWS_LWA_*</c> name, then
/// LWA's deprecated unprefixed name), else from the layer manifest's setting, else the default. A value that does not
/// parse is one <see cref="LayerConfigurationException"/> naming the layer and the variable (see README.md).
/// </summary>
internal sealed class WebAdapterSettings
{
    /// <summary>Platforms whose bootstrap serves on <c>PORT</c> itself, so <c>PORT</c> cannot also name the app's port.</summary>
    private static readonly string[] s_platformsServingOnPort = { "cloud-run", "http" };

    public string? Command { get; init; }

    public string? WorkingDirectory { get; init; }

    public int Port { get; init; } = 8080;

    public string ReadinessPath { get; init; } = "/";

    public int ReadinessPort { get; init; } = 8080;

    public ReadinessProtocol ReadinessProtocol { get; init; } = ReadinessProtocol.Http;

    public StatusCodeSet HealthyStatus { get; init; } = StatusCodeSet.Range(100, 499);

    /// <summary>The overall readiness limit, counted from the start of FunctionStart; null waits without a limit.</summary>
    public TimeSpan? ReadinessTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReadinessInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    public bool AsyncInit { get; init; }

    public TimeSpan AsyncInitBudget { get; init; } = TimeSpan.FromSeconds(9.8);

    /// <summary>The base path to remove, without a trailing '/'; null when none.</summary>
    public string? RemoveBasePath { get; init; }

    public string PassThroughPath { get; init; } = "/events";

    public StatusCodeSet? ErrorStatusCodes { get; init; }

    /// <summary>Where <see cref="ErrorStatusCodes"/> was set, for the invocation error's message.</summary>
    public string? ErrorStatusCodesSource { get; init; }

    public bool Compression { get; init; }

    public InvokeMode InvokeMode { get; init; } = InvokeMode.Buffered;

    public string? AuthorizationSource { get; init; }

    public TimeSpan PoolIdleTimeout { get; init; } = TimeSpan.FromSeconds(4);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Reads and checks every setting. <paramref name="platform"/> is the engine's platform name: on platforms where the
    /// bootstrap itself serves on <c>PORT</c>, <c>PORT</c> is not read as the app's port and may not equal it.
    /// </summary>
    public static WebAdapterSettings Read(LayerSettings settings, string platform)
    {
        var reader = new SettingReader(settings);
        bool bootstrapServesOnPort = Array.IndexOf(s_platformsServingOnPort, platform) >= 0;
        string[] portNames = bootstrapServesOnPort
            ? new[] { "FAAS_WEBAPP_PORT", "AWS_LWA_PORT" }
            : new[] { "FAAS_WEBAPP_PORT", "AWS_LWA_PORT", "PORT" };
        (_, string? portSource) = reader.Find("port", portNames);
        int port = reader.Int("port", 8080, 1, 65535, portNames);
        if (bootstrapServesOnPort && settings.Environment("PORT") is { } bootstrapPort
            && int.TryParse(bootstrapPort, NumberStyles.Integer, CultureInfo.InvariantCulture, out int served) && served == port)
        {
            throw new LayerConfigurationException(settings.LayerName,
                $"the app's port {port} ({portSource ?? "the default"}) is the port the bootstrap itself serves on {platform} (PORT); " +
                "give the app another port with FAAS_WEBAPP_PORT or AWS_LWA_PORT.");
        }

        (string? protocolText, string? protocolSource) = reader.Find("readinessProtocol", "FAAS_WEBAPP_READINESS_PROTOCOL",
            "AWS_LWA_READINESS_CHECK_PROTOCOL", "READINESS_CHECK_PROTOCOL");
        ReadinessProtocol protocol = (protocolText ?? "http").ToLowerInvariant() switch
        {
            "http" => ReadinessProtocol.Http,
            "tcp" => ReadinessProtocol.Tcp,
            _ => throw reader.Invalid(protocolSource!, protocolText!, "http or tcp"),
        };

        StatusCodeSet healthy = reader.Statuses("readinessHealthyStatus", null, "FAAS_WEBAPP_READINESS_HEALTHY_STATUS",
            "AWS_LWA_READINESS_CHECK_HEALTHY_STATUS")
            // LWA's deprecated form: every status below this one (from 100) is healthy.
            ?? StatusCodeSet.Range(100, reader.Int("readinessMinUnhealthyStatus", 500, 101, 600, "AWS_LWA_READINESS_CHECK_MIN_UNHEALTHY_STATUS") - 1);

        double readinessSeconds = reader.Seconds("readinessTimeoutSeconds", 30, double.MinValue, 24 * 3600,
            "FAAS_WEBAPP_READINESS_TIMEOUT_SECONDS", "AWS_LWA_READINESS_CHECK_TIMEOUT_SECONDS");

        (string? modeText, string? modeSource) = reader.Find("invokeMode", "FAAS_WEBAPP_INVOKE_MODE", "AWS_LWA_INVOKE_MODE");
        InvokeMode invokeMode = (modeText ?? "buffered").ToLowerInvariant() switch
        {
            "buffered" => InvokeMode.Buffered,
            "response_stream" => InvokeMode.ResponseStream,
            _ => throw reader.Invalid(modeSource!, modeText!, "buffered or response_stream"),
        };

        (_, string? errorStatusSource) = reader.Find("errorStatusCodes", "FAAS_WEBAPP_ERROR_STATUS_CODES", "AWS_LWA_ERROR_STATUS_CODES");

        return new WebAdapterSettings
        {
            Command = reader.String("command", "FAAS_WEBAPP_COMMAND"),
            WorkingDirectory = reader.String("workingDirectory", "FAAS_WEBAPP_WORKING_DIRECTORY"),
            Port = port,
            ReadinessPath = reader.Path("readinessPath", "/", "FAAS_WEBAPP_READINESS_PATH", "AWS_LWA_READINESS_CHECK_PATH", "READINESS_CHECK_PATH")!,
            ReadinessPort = reader.Int("readinessPort", port, 1, 65535, "FAAS_WEBAPP_READINESS_PORT", "AWS_LWA_READINESS_CHECK_PORT",
                "READINESS_CHECK_PORT"),
            ReadinessProtocol = protocol,
            HealthyStatus = healthy,
            // As LWA: zero or less waits without a limit.
            ReadinessTimeout = readinessSeconds > 0 ? TimeSpan.FromSeconds(readinessSeconds) : null,
            ReadinessInterval = TimeSpan.FromMilliseconds(reader.Int("readinessIntervalMs", 10, 1, 60_000, "FAAS_WEBAPP_READINESS_INTERVAL_MS")),
            AsyncInit = reader.Bool("asyncInit", false, "FAAS_WEBAPP_ASYNC_INIT", "AWS_LWA_ASYNC_INIT", "ASYNC_INIT"),
            AsyncInitBudget = TimeSpan.FromSeconds(reader.Seconds("asyncInitSeconds", 9.8, 0, 3600, "FAAS_WEBAPP_ASYNC_INIT_SECONDS")),
            RemoveBasePath = NormaliseBasePath(reader.Path("removeBasePath", null, "FAAS_WEBAPP_REMOVE_BASE_PATH", "AWS_LWA_REMOVE_BASE_PATH",
                "REMOVE_BASE_PATH")),
            PassThroughPath = reader.Path("passThroughPath", "/events", "FAAS_WEBAPP_PASS_THROUGH_PATH", "AWS_LWA_PASS_THROUGH_PATH")!,
            ErrorStatusCodes = reader.Statuses("errorStatusCodes", null, "FAAS_WEBAPP_ERROR_STATUS_CODES", "AWS_LWA_ERROR_STATUS_CODES"),
            ErrorStatusCodesSource = errorStatusSource,
            Compression = reader.Bool("compression", false, "FAAS_WEBAPP_ENABLE_COMPRESSION", "AWS_LWA_ENABLE_COMPRESSION"),
            InvokeMode = invokeMode,
            AuthorizationSource = reader.String("authorizationSource", "FAAS_WEBAPP_AUTHORIZATION_SOURCE", "AWS_LWA_AUTHORIZATION_SOURCE"),
            PoolIdleTimeout = TimeSpan.FromSeconds(reader.Seconds("poolIdleTimeoutSeconds", 4, 0, 3600, "FAAS_WEBAPP_POOL_IDLE_TIMEOUT_SECONDS",
                "AWS_LWA_POOL_IDLE_TIMEOUT_SECONDS")),
            StopTimeout = TimeSpan.FromMilliseconds(reader.Int("stopTimeoutMs", 2000, 0, 600_000, "FAAS_WEBAPP_STOP_TIMEOUT_MS")),
        };
    }

    /// <summary>As LWA: a trailing '/' is dropped, so <c>/api/</c> behaves as <c>/api</c>; <c>/</c> alone removes nothing.</summary>
    private static string? NormaliseBasePath(string? path)
    {
        if (path is null)
        {
            return null;
        }
        string trimmed = path.TrimEnd('/');
        return trimmed.Length == 0 ? null : trimmed;
    }
}
