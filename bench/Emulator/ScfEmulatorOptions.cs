using System;
using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Configuration of a <see cref="ScfRuntimeApiEmulator"/>.</summary>
public sealed class ScfEmulatorOptions
{
    /// <summary><c>SCF_FUNCTIONNAME</c>.</summary>
    public string FunctionName { get; init; } = "test-function";

    /// <summary><c>SCF_FUNCTIONVERSION</c>.</summary>
    public string FunctionVersion { get; init; } = "$LATEST";

    /// <summary><c>SCF_NAMESPACE</c>.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>Sent as <c>memory_limit_in_mb</c> on <c>/next</c>.</summary>
    public int MemorySizeMb { get; init; } = 128;

    /// <summary>Sent as <c>time_limit_in_ms</c> (a duration) on <c>/next</c>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>_HANDLER</c>.</summary>
    public string Handler { get; init; } = "echo";

    /// <summary><c>TENCENTCLOUD_REGION</c>.</summary>
    public string Region { get; init; } = "ap-guangzhou";

    /// <summary>Largest response/error body accepted; larger ones get 413.</summary>
    public int MaxResponseBytes { get; init; } = 6 * 1024 * 1024;

    /// <summary><c>TENCENTCLOUD_APPID</c>.</summary>
    public string AppId { get; init; } = "1250000000";

    /// <summary><c>TENCENTCLOUD_UIN</c>.</summary>
    public string Uin { get; init; } = "100000000001";

    /// <summary>Fake <c>TENCENTCLOUD_SECRETID</c> (distinctive, so tests can assert it never shows up in logs).</summary>
    public string SecretId { get; init; } = "AKIDEMULATORFAKESECRETID01";

    /// <summary>Fake <c>TENCENTCLOUD_SECRETKEY</c>.</summary>
    public string SecretKey { get; init; } = "emulator-fake-secret-key-do-not-log";

    /// <summary>Fake <c>TENCENTCLOUD_SESSIONTOKEN</c>.</summary>
    public string SessionToken { get; init; } = "emulator-fake-tencent-session-token-do-not-log";

    /// <summary>Extra variables added to <see cref="ScfRuntimeApiEmulator.Environment"/> (they win over the defaults).</summary>
    public IReadOnlyDictionary<string, string>? AdditionalEnvironment { get; init; }

    /// <summary>Keep every request in <see cref="ScfRuntimeApiEmulator.Requests"/>; turn off for long benchmarks.</summary>
    public bool RecordRequests { get; init; } = true;
}
