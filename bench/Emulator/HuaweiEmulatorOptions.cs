using System;
using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Configuration of a <see cref="HuaweiRuntimeApiEmulator"/> (the function as FunctionGraph would describe it).</summary>
public sealed class HuaweiEmulatorOptions
{
    /// <summary>Default <see cref="MaxResponseBytes"/>: FunctionGraph's 6 MB result limit (<c>RUNTIME_MAX_RESP_BODY_SIZE</c> = 6291456).</summary>
    public const int DefaultMaxResponseBytes = 6 * 1024 * 1024;

    /// <summary><c>RUNTIME_PROJECT_ID</c>.</summary>
    public string ProjectId { get; init; } = "0123456789abcdef0123456789abcdef";

    /// <summary><c>RUNTIME_FUNC_NAME</c>.</summary>
    public string FunctionName { get; init; } = "test-function";

    /// <summary><c>RUNTIME_FUNC_VERSION</c>.</summary>
    public string FunctionVersion { get; init; } = "latest";

    /// <summary><c>RUNTIME_PACKAGE</c> (the function's app/group).</summary>
    public string Package { get; init; } = "default";

    /// <summary><c>RUNTIME_HANDLER</c>.</summary>
    public string Handler { get; init; } = "echo";

    /// <summary>Function timeout; <c>RUNTIME_TIMEOUT</c> in whole seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>RUNTIME_USERDATA</c> (the user's variables as a JSON object).</summary>
    public string UserData { get; init; } = "{}";

    /// <summary><c>RUNTIME_CPU</c>.</summary>
    public string Cpu { get; init; } = "300";

    /// <summary><c>RUNTIME_MEMORY</c>, MB.</summary>
    public int MemorySizeMb { get; init; } = 128;

    /// <summary><c>RUNTIME_CODE_ROOT</c>.</summary>
    public string CodeRoot { get; init; } = "/opt/function/code";

    /// <summary>Value of <c>X-CFF-Invoke-Type</c> when an invocation does not set one (Huawei's runtimes compare with <c>sync</c>/<c>async</c>).</summary>
    public string InvokeType { get; init; } = "sync";

    /// <summary>
    /// An agency (IAM delegation) is configured: the event carries <c>X-CFF-Access-Key</c>, <c>X-CFF-Secret-Key</c>,
    /// <c>X-CFF-Auth-Token</c> and <c>X-CFF-Security-Token</c>. When false they are left out (the docs tie them to an agency).
    /// </summary>
    public bool AgencyConfigured { get; init; } = true;

    /// <summary>Fake <c>X-CFF-Access-Key</c> (distinctive, so tests can assert it never shows up in logs).</summary>
    public string AccessKey { get; init; } = "HWEMULATORFAKEACCESSKEY01";

    /// <summary>Fake <c>X-CFF-Secret-Key</c>.</summary>
    public string SecretKey { get; init; } = "emulator-fake-huawei-secret-key-do-not-log";

    /// <summary>Fake <c>X-CFF-Auth-Token</c>.</summary>
    public string AuthToken { get; init; } = "emulator-fake-huawei-auth-token-do-not-log";

    /// <summary>Fake <c>X-CFF-Security-Token</c>.</summary>
    public string SecurityToken { get; init; } = "emulator-fake-huawei-security-token-do-not-log";

    /// <summary>Largest <c>/response</c> or <c>/error</c> body accepted; larger ones get 413 and leave the invocation outstanding.</summary>
    public int MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>Extra variables added to <see cref="HuaweiRuntimeApiEmulator.Environment"/> (they win over the defaults).</summary>
    public IReadOnlyDictionary<string, string>? AdditionalEnvironment { get; init; }

    /// <summary>Keep every request in <see cref="HuaweiRuntimeApiEmulator.Requests"/>; turn off for long benchmarks.</summary>
    public bool RecordRequests { get; init; } = true;
}
