using System;
using Runtime.Engine.Http;
using Runtime.Light.Adapters;
using Runtime.Light.Adapters.Aws;
using Runtime.Light.Adapters.Huawei;
using Runtime.Light.Adapters.Tencent;

namespace Runtime.Light.Hosting;

/// <summary>
/// Decides which platform this process runs on: <c>FAAS_PLATFORM</c> when set, otherwise the variable only that
/// platform sets (<c>AWS_LAMBDA_RUNTIME_API</c>, <c>SCF_RUNTIME_API</c>). Never guesses: with neither, start fails
/// with a message saying what to set.
/// </summary>
internal static class PlatformDetector
{
    public const string Aws = "aws";
    public const string Scf = "scf";
    public const string Huawei = "huawei";

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
                _ => throw new ConfigurationException(
                    $"{RuntimeEnv.Platform}='{forced}' is not a supported platform (aws, scf, huawei)."),
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
        throw new ConfigurationException(
            $"No platform detected: none of {AwsProtocol.RuntimeApiEnv} (AWS Lambda), {ScfProtocol.RuntimeApiEnv} (Tencent SCF) or " +
            $"{HuaweiProtocol.RuntimeApiEnv} (Huawei FunctionGraph) is set. " +
            $"Run under a supported platform or its emulator, or set {RuntimeEnv.Platform}.");
    }

    public static IPlatformAdapter Create(string platform, IEnvironment environment, SettingsReader settings, Action<int> memoryKnown) =>
        platform switch
        {
            Aws => AwsAdapter.Create(environment, settings, HttpCodecs.ForAws()),
            Scf => ScfAdapter.Create(environment, settings, HttpCodecs.ForScf(), memoryKnown),
            Huawei => HuaweiAdapter.Create(environment, settings, new Triggers.HuaweiApigCodec()),
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Unknown platform."),
        };
}

/// <summary>The HTTP event codecs of each platform.</summary>
internal static class HttpCodecs
{
    public static IHttpEventCodec ForAws() => new Triggers.AwsHttpCodec();

    public static IHttpEventCodec ForScf() => new Triggers.TencentHttpCodec();
}
