using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Configuration of a <see cref="TencentWebEmulator"/> (an SCF web function).</summary>
public sealed class TencentWebEmulatorOptions
{
    /// <summary>Port, pool and timeouts of the caller.</summary>
    public CallerOptions Caller { get; init; } = new();

    /// <summary>
    /// SCF has no port variable: web functions must listen on 9000. When not null, this variable is added to
    /// <see cref="TencentWebEmulator.Environment"/> with the emulator's port so a bootstrap under test can be pointed at it.
    /// </summary>
    public string? PortVariable { get; init; }

    /// <summary><c>SCF_FUNCTIONNAME</c>.</summary>
    public string FunctionName { get; init; } = "test-function";

    /// <summary><c>SCF_FUNCTIONVERSION</c>.</summary>
    public string FunctionVersion { get; init; } = "$LATEST";

    /// <summary><c>SCF_NAMESPACE</c>.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary><c>TENCENTCLOUD_REGION</c>.</summary>
    public string Region { get; init; } = "ap-guangzhou";

    /// <summary><c>TENCENTCLOUD_APPID</c>.</summary>
    public string AppId { get; init; } = "1250000000";

    /// <summary><c>TENCENTCLOUD_UIN</c>.</summary>
    public string Uin { get; init; } = "100000000001";

    /// <summary>Fake <c>TENCENTCLOUD_SECRETID</c> / <c>X-Scf-Secret-Id</c>.</summary>
    public string SecretId { get; init; } = "AKIDEMULATORFAKESECRETID01";

    /// <summary>Fake <c>TENCENTCLOUD_SECRETKEY</c> / <c>X-Scf-Secret-Key</c>.</summary>
    public string SecretKey { get; init; } = "emulator-fake-secret-key-do-not-log";

    /// <summary>Fake <c>TENCENTCLOUD_SESSIONTOKEN</c> / <c>X-Scf-Session-Token</c>.</summary>
    public string SessionToken { get; init; } = "emulator-fake-tencent-session-token-do-not-log";

    /// <summary>Send the run role's temporary credentials as <c>X-Scf-Secret-Id</c> / <c>-Secret-Key</c> / <c>-Session-Token</c>.</summary>
    public bool SendCredentialHeaders { get; init; } = true;

    /// <summary>Client address sent as <c>X-Scf-Remote-Addr</c>; not sent when null.</summary>
    public string? ClientIp { get; init; } = "203.0.113.9";

    /// <summary><c>Host</c> when the caller sends none.</summary>
    public string PublicHost { get; init; } = "1250000000-emulator.ap-guangzhou.tencentscf.com";

    /// <summary>Extra variables added to <see cref="TencentWebEmulator.Environment"/> (they win over the defaults).</summary>
    public IReadOnlyDictionary<string, string>? AdditionalEnvironment { get; init; }
}
