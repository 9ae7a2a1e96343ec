using System;
using System.Globalization;
using System.Net;
using Runtime.Engine;
using Runtime.Engine.Http;
using Runtime.Light.Adapters;
using Runtime.Light.Adapters.Alibaba;
using Runtime.Light.Adapters.Aws;
using Runtime.Light.Adapters.Azure;
using Runtime.Light.Adapters.Http;
using Runtime.Light.Adapters.Huawei;
using Runtime.Light.Adapters.Server;
using Runtime.Light.Adapters.Tencent;
using Runtime.Light.Triggers;

namespace Runtime.Light.Hosting;

/// <summary>
/// Decides which platform this process runs on: <c>FAAS_PLATFORM</c> when set, otherwise the variables only that
/// platform sets, checked in this order: <c>AWS_LAMBDA_RUNTIME_API</c> (AWS Lambda), <c>SCF_RUNTIME_API</c> (Tencent SCF
/// event function), <c>RUNTIME_API_ADDR</c> (Huawei FunctionGraph event function), <c>FC_*</c> (Alibaba FC),
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> (Azure), <c>K_SERVICE</c> (Cloud Run / Knative), <c>SCF_FUNCTIONNAME</c> without
/// the runtime API (Tencent web function), <c>RUNTIME_FUNC_NAME</c> without the runtime API (Huawei HTTP function), and
/// last a bare <c>PORT</c> (any container platform). Never guesses beyond that: with none of them, start fails with
/// a message saying what to set.
/// </summary>
internal static class PlatformDetector
{
    public const string Aws = "aws";
    public const string Scf = "scf";
    public const string Huawei = "huawei";
    public const string Alibaba = "fc";
    public const string Azure = "azure";
    public const string CloudRun = "cloudrun";
    public const string TencentWeb = "scf-web";
    public const string HuaweiHttp = "huawei-http";
    public const string PlainHttp = "http";

    public static string Detect(SettingsReader settings)
    {
        string? forced = settings.String(RuntimeEnv.Platform);
        if (forced is not null)
        {
            return forced.ToLowerInvariant() switch
            {
                "aws" or "aws-lambda" or "lambda" => Aws,
                "scf" or "tencent" or "tencent-scf" => Scf,
                "huawei" or "functiongraph" or "huawei-functiongraph" => Huawei,
                "fc" or "alibaba" or "alibaba-fc" or "aliyun" => Alibaba,
                "azure" or "azure-functions" => Azure,
                "cloudrun" or "cloud-run" or "knative" or "gcp" => CloudRun,
                "scf-web" or "tencent-web" => TencentWeb,
                "huawei-http" or "functiongraph-http" => HuaweiHttp,
                "http" => PlainHttp,
                _ => throw new ConfigurationException(
                    $"{RuntimeEnv.Platform}='{forced}' is not a supported platform (aws, scf, huawei, fc, azure, cloudrun, scf-web, huawei-http, http)."),
            };
        }
        if (settings.String(AwsProtocol.RuntimeApiEnv) is not null)
        {
            return Aws;
        }
        if (settings.String(ScfProtocol.RuntimeApiEnv) is not null)
        {
            return Scf;
        }
        if (settings.String(HuaweiProtocol.RuntimeApiEnv) is not null)
        {
            return Huawei;
        }
        if (settings.String(FcProtocol.FunctionNameEnv) is not null || settings.String(FcProtocol.ListenPortEnv) is not null
            || settings.String(FcProtocol.ServerPortEnv) is not null)
        {
            return Alibaba;
        }
        if (settings.String(AzureProtocol.PortEnv) is not null)
        {
            return Azure;
        }
        if (settings.String(HttpPlatforms.KnativeServiceEnv) is not null)
        {
            return CloudRun;
        }
        if (settings.String(ScfProtocol.FunctionNameEnv) is not null)
        {
            return TencentWeb;
        }
        if (settings.String(HuaweiProtocol.FunctionNameEnv) is not null)
        {
            return HuaweiHttp;
        }
        if (settings.String(HttpPlatforms.PortEnv) is not null)
        {
            return PlainHttp;
        }
        throw new ConfigurationException(
            $"No platform detected: none of {AwsProtocol.RuntimeApiEnv} (AWS Lambda), {ScfProtocol.RuntimeApiEnv} (Tencent SCF), " +
            $"{HuaweiProtocol.RuntimeApiEnv} (Huawei FunctionGraph), FC_* (Alibaba FC), {AzureProtocol.PortEnv} (Azure), " +
            $"{HttpPlatforms.KnativeServiceEnv} or {HttpPlatforms.PortEnv} (Cloud Run, Knative, any HTTP platform) is set. " +
            $"Run under a supported platform or its emulator, or set {RuntimeEnv.Platform}.");
    }

    public static IPlatformAdapter Create(string platform, IEnvironment environment, SettingsReader settings, Action<int> memoryKnown) =>
        platform switch
        {
            Aws => AwsAdapter.Create(environment, settings, new AwsHttpCodec()),
            Scf => ScfAdapter.Create(environment, settings, new TencentHttpCodec(), memoryKnown),
            Huawei => HuaweiAdapter.Create(environment, settings, new HuaweiApigCodec()),
            Alibaba => Server(settings, new FcServerPlatform(TimeSpan.FromSeconds(3)), FcPort(settings), "0.0.0.0",
                Describe(environment, FcProtocol.FunctionNameEnv, FcProtocol.VersionEnv, settings.Int(FcProtocol.MemoryEnv, 0, 1, 1024 * 1024), "alibaba-fc"),
                environment.Get(FcProtocol.HandlerEnv), TimeSpan.FromSeconds(3)),
            Azure => Server(settings, new AzureServerPlatform(), RequiredPort(settings, AzureProtocol.PortEnv), "127.0.0.1",
                Describe(environment, AzureProtocol.SiteNameEnv, null, 0, AzureProtocol.PlatformName), null, TimeSpan.FromSeconds(5),
                AzureFunctionTimeout.Read(environment)),
            CloudRun => Server(settings, new HttpServerPlatform(HttpPlatforms.CloudRun, "X-Request-Id"), Port(settings, HttpPlatforms.PortEnv, 8080), "0.0.0.0",
                Describe(environment, HttpPlatforms.KnativeServiceEnv, HttpPlatforms.KnativeRevisionEnv, 0, HttpPlatforms.CloudRun),
                environment.Get(HttpPlatforms.FunctionTargetEnv), TimeSpan.FromSeconds(8)),
            TencentWeb => Server(settings, new HttpServerPlatform(HttpPlatforms.TencentWeb, HttpPlatforms.TencentRequestIdHeaders), Port(settings, null, 9000), "0.0.0.0",
                Describe(environment, ScfProtocol.FunctionNameEnv, ScfProtocol.FunctionVersionEnv, 0, HttpPlatforms.TencentWeb), null, TimeSpan.FromSeconds(2)),
            HuaweiHttp => Server(settings, new HttpServerPlatform(HttpPlatforms.HuaweiHttp, HttpPlatforms.HuaweiRequestIdHeaders) { TimeoutHeader = HttpPlatforms.HuaweiTimeoutHeader },
                Port(settings, null, 8000), "0.0.0.0",
                Describe(environment, HuaweiProtocol.FunctionNameEnv, HuaweiProtocol.FunctionVersionEnv, settings.Int(HuaweiProtocol.MemoryEnv, 0, 1, 1024 * 1024), HttpPlatforms.HuaweiHttp),
                environment.Get(HuaweiProtocol.HandlerEnv), TimeSpan.FromSeconds(2), Seconds(settings.Int(HuaweiProtocol.TimeoutEnv, 0, 1, 24 * 60 * 60))),
            PlainHttp => Server(settings, new HttpServerPlatform(HttpPlatforms.PlainHttp, "X-Request-Id"), Port(settings, HttpPlatforms.PortEnv, 8080), "0.0.0.0",
                Describe(environment, null, null, 0, HttpPlatforms.PlainHttp), null, TimeSpan.FromSeconds(8)),
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Unknown platform."),
        };

    private static ServerAdapter Server(SettingsReader settings, IServerPlatform platform, int port, string defaultBind,
        Func<string?, FunctionInfo> describe, string? handler, TimeSpan closeTimeout, TimeSpan? platformTimeout = null)
    {
        string bind = settings.String(RuntimeEnv.BindAddress) ?? defaultBind;
        if (!IPAddress.TryParse(bind, out IPAddress? address))
        {
            throw new ConfigurationException($"{RuntimeEnv.BindAddress}='{bind}' is not an IP address.");
        }
        // FAAS_TIMEOUT gives these platforms the per-request deadline most of them never send (issue 6, fault matrix handler-hangs).
        TimeSpan? timeout = Seconds(settings.Int(RuntimeEnv.Timeout, 0, 1, 24 * 60 * 60));
        return new ServerAdapter(platform, new IPEndPoint(address, port), describe, handler, closeTimeout, timeout, platformTimeout);
    }

    private static TimeSpan? Seconds(int seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;

    private static int FcPort(SettingsReader settings) =>
        ExplicitPort(settings, RuntimeEnv.Port) ?? ExplicitPort(settings, FcProtocol.ListenPortEnv) ?? ExplicitPort(settings, FcProtocol.ServerPortEnv)
        ?? FcProtocol.DefaultPort;

    private static int Port(SettingsReader settings, string? platformVariable, int fallback) =>
        ExplicitPort(settings, RuntimeEnv.Port) ?? (platformVariable is null ? null : ExplicitPort(settings, platformVariable)) ?? fallback;

    private static int RequiredPort(SettingsReader settings, string variable) =>
        ExplicitPort(settings, RuntimeEnv.Port) ?? ExplicitPort(settings, variable)
        ?? throw new ConfigurationException($"{variable} is not set; it must be the port the platform calls.");

    private static int? ExplicitPort(SettingsReader settings, string variable)
    {
        string? text = settings.String(variable);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is >= 1 and <= 65535)
        {
            return port;
        }
        // Without a usable port nothing can be served or reported: fail the start now, naming the variable.
        throw new ConfigurationException($"{variable}='{text}' is not a port number (1 to 65535).");
    }

    private static Func<string?, FunctionInfo> Describe(IEnvironment environment, string? nameVariable, string? versionVariable, int memoryMb,
        string platform) =>
        handler => new FunctionInfo(
            (nameVariable is null ? null : environment.Get(nameVariable)) ?? "function",
            (versionVariable is null ? null : environment.Get(versionVariable)) ?? "latest",
            memoryMb,
            handler,
            platform);
}
