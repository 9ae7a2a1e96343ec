using System;
using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Configuration of a <see cref="HuaweiHttpEmulator"/> (a FunctionGraph HTTP function).</summary>
public sealed class HuaweiHttpEmulatorOptions
{
    /// <summary>Port, pool and timeouts of the caller.</summary>
    public CallerOptions Caller { get; init; } = new();

    /// <summary>
    /// FunctionGraph has no port variable: HTTP functions must listen on 8000. When not null, this variable is added to
    /// <see cref="HuaweiHttpEmulator.Environment"/> with the emulator's port so a bootstrap under test can be pointed at it.
    /// </summary>
    public string? PortVariable { get; init; }

    /// <summary><c>RUNTIME_PROJECT_ID</c> / <c>X-CFF-Project-Id</c>.</summary>
    public string ProjectId { get; init; } = "0123456789abcdef0123456789abcdef";

    /// <summary><c>RUNTIME_FUNC_NAME</c> / <c>X-CFF-Func-Name</c>.</summary>
    public string FunctionName { get; init; } = "test-function";

    /// <summary><c>RUNTIME_FUNC_VERSION</c> / <c>X-CFF-Func-Version</c>.</summary>
    public string FunctionVersion { get; init; } = "latest";

    /// <summary><c>RUNTIME_PACKAGE</c> / <c>X-CFF-Package</c>.</summary>
    public string Package { get; init; } = "default";

    /// <summary><c>X-CFF-Region</c>.</summary>
    public string Region { get; init; } = "cn-north-4";

    /// <summary><c>RUNTIME_HANDLER</c> (HTTP functions set the handler in <c>bootstrap</c>; the variable still exists).</summary>
    public string Handler { get; init; } = "bootstrap";

    /// <summary>Function timeout: <c>RUNTIME_TIMEOUT</c> and <c>X-CFF-Timeout</c>, whole seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>RUNTIME_MEMORY</c> / <c>X-CFF-Memory</c>, MB.</summary>
    public int MemorySizeMb { get; init; } = 128;

    /// <summary><c>RUNTIME_CPU</c>.</summary>
    public string Cpu { get; init; } = "300";

    /// <summary><c>RUNTIME_USERDATA</c> (the user's variables as a JSON object).</summary>
    public string UserData { get; init; } = "{}";

    /// <summary><c>RUNTIME_CODE_ROOT</c>.</summary>
    public string CodeRoot { get; init; } = "/opt/function/code";

    /// <summary><c>Host</c> when the caller sends none.</summary>
    public string PublicHost { get; init; } = "emulator.apig.cn-north-4.huaweicloudapis.com";

    /// <summary>Extra variables added to <see cref="HuaweiHttpEmulator.Environment"/> (they win over the defaults).</summary>
    public IReadOnlyDictionary<string, string>? AdditionalEnvironment { get; init; }
}
