using System;
using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Configuration of an <see cref="AlibabaFcEmulator"/> (the function as Function Compute would describe it).</summary>
public sealed class AlibabaFcEmulatorOptions
{
    /// <summary>Port, pool and timeouts of the caller.</summary>
    public CallerOptions Caller { get; init; } = new();

    /// <summary><c>FC_FUNCTION_NAME</c> / <c>x-fc-function-name</c>.</summary>
    public string FunctionName { get; init; } = "test-function";

    /// <summary><c>FC_FUNCTION_HANDLER</c> / <c>x-fc-function-handler</c> (meaningless for custom runtimes, still sent).</summary>
    public string Handler { get; init; } = "index.handler";

    /// <summary><c>FC_FUNCTION_MEMORY_SIZE</c> / <c>x-fc-function-memory</c>, MB.</summary>
    public int MemorySizeMb { get; init; } = 512;

    /// <summary>Function timeout; <c>x-fc-function-timeout</c> in whole seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>FC_REGION</c> / <c>x-fc-region</c>.</summary>
    public string Region { get; init; } = "cn-hangzhou";

    /// <summary><c>FC_ACCOUNT_ID</c> / <c>x-fc-account-id</c>.</summary>
    public string AccountId { get; init; } = "1234567890123456";

    /// <summary><c>FC_INSTANCE_ID</c>.</summary>
    public string InstanceId { get; init; } = "c-emulator-0000000000000001";

    /// <summary><c>FC_FUNC_CODE_PATH</c>.</summary>
    public string CodePath { get; init; } = "/code";

    /// <summary><c>FC_FUNCTION_VERSION</c> / <c>x-fc-version-id</c>.</summary>
    public string FunctionVersion { get; init; } = "LATEST";

    /// <summary><c>x-fc-qualifier</c>: the version or alias the call named.</summary>
    public string Qualifier { get; init; } = "LATEST";

    /// <summary>FC 2.0 service name: sent as <c>x-fc-service-name</c> when not null (FC 3.0 has no services).</summary>
    public string? ServiceName { get; init; }

    /// <summary><c>x-fc-service-logproject</c>.</summary>
    public string LogProject { get; init; } = "emulator-log-project";

    /// <summary><c>x-fc-service-logstore</c>.</summary>
    public string LogStore { get; init; } = "emulator-log-store";

    /// <summary>
    /// Initializer handler. When set, the first request FC sends (and so <c>WaitForReadyAsync</c>'s probe) is
    /// <c>POST /initialize</c>, and <c>x-fc-function-initializer</c> / <c>x-fc-initialization-timeout</c> are sent.
    /// When null the first request is a plain <c>POST /invoke</c> with <see cref="FirstInvokePayload"/>.
    /// </summary>
    public string? Initializer { get; init; }

    /// <summary><c>x-fc-initialization-timeout</c>, whole seconds.</summary>
    public TimeSpan InitializationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>PreStop handler: sent as <c>x-fc-instance-lifecycle-pre-stop-handler</c> when not null.</summary>
    public string? PreStopHandler { get; init; }

    /// <summary>PreFreeze handler (FC 2.0): sent as <c>x-fc-instance-lifecycle-pre-freeze-handler</c> when not null.</summary>
    public string? PreFreezeHandler { get; init; }

    /// <summary>Payload of the readiness <c>/invoke</c> when no <see cref="Initializer"/> is configured.</summary>
    public string FirstInvokePayload { get; init; } = "{}";

    /// <summary>
    /// Send the temporary credential headers (<c>x-fc-access-key-id</c>, <c>x-fc-access-key-secret</c>,
    /// <c>x-fc-security-token</c>). Newer custom runtimes (Debian 11) no longer send <c>x-fc-security-token</c> and point
    /// to the <c>ALIBABA_CLOUD_*</c> variables instead; turn this off to emulate that.
    /// </summary>
    public bool SendCredentialHeaders { get; init; } = true;

    /// <summary>Fake <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c> / <c>x-fc-access-key-id</c> (distinctive, so tests can assert it never shows up in logs).</summary>
    public string AccessKeyId { get; init; } = "LTAIEMULATORFAKEKEY01";

    /// <summary>Fake <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c> / <c>x-fc-access-key-secret</c>.</summary>
    public string AccessKeySecret { get; init; } = "emulator-fake-alibaba-secret-do-not-log";

    /// <summary>Fake <c>ALIBABA_CLOUD_SECURITY_TOKEN</c> / <c>x-fc-security-token</c>.</summary>
    public string SecurityToken { get; init; } = "emulator-fake-alibaba-security-token-do-not-log";

    /// <summary><c>Host</c> of HTTP-trigger requests when the client sent none.</summary>
    public string HttpTriggerHost { get; init; } = "test-function-emulator.cn-hangzhou.fcapp.run";

    /// <summary>Extra variables added to <see cref="AlibabaFcEmulator.Environment"/> (they win over the defaults).</summary>
    public IReadOnlyDictionary<string, string>? AdditionalEnvironment { get; init; }
}
