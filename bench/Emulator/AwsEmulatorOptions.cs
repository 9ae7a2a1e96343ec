using System;
using System.Collections.Generic;

namespace Runtime.Emulator;

/// <summary>Configuration of an <see cref="AwsRuntimeApiEmulator"/> (the function as Lambda would describe it).</summary>
public sealed class AwsEmulatorOptions
{
    /// <summary>Default <see cref="MaxResponseBytes"/>: the emulator (RIE) enforces 6 MiB + 100 bytes on a buffered response.</summary>
    public const int DefaultMaxResponseBytes = (6 * 1024 * 1024) + 100;

    /// <summary><c>AWS_LAMBDA_FUNCTION_NAME</c>, also the last ARN segment.</summary>
    public string FunctionName { get; init; } = "test-function";

    /// <summary><c>AWS_LAMBDA_FUNCTION_VERSION</c>.</summary>
    public string FunctionVersion { get; init; } = "$LATEST";

    /// <summary><c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>.</summary>
    public int MemorySizeMb { get; init; } = 128;

    /// <summary>Function timeout: <c>Lambda-Runtime-Deadline-Ms</c> = delivery time + this.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>_HANDLER</c>.</summary>
    public string Handler { get; init; } = "echo";

    /// <summary>
    /// Concurrent outstanding invocations allowed. Greater than 1 = Managed Instances mode
    /// (<c>AWS_LAMBDA_MAX_CONCURRENCY</c> is then set); a <c>/next</c> while this many are outstanding gets 403.
    /// </summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>Largest buffered <c>/response</c> or <c>/error</c> body accepted; larger ones get 413 <c>RequestEntityTooLarge</c>.</summary>
    public int MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary><c>AWS_REGION</c> / <c>AWS_DEFAULT_REGION</c>, and the ARN's region.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Send <c>Lambda-Runtime-Invocation-Id</c> on <c>/next</c>.</summary>
    public bool SendInvocationId { get; init; } = true;

    /// <summary><c>LAMBDA_TASK_ROOT</c>.</summary>
    public string TaskRoot { get; init; } = "/var/task";

    /// <summary><c>AWS_LAMBDA_INITIALIZATION_TYPE</c>.</summary>
    public string InitializationType { get; init; } = "on-demand";

    /// <summary>Fake <c>AWS_ACCESS_KEY_ID</c> (distinctive, so tests can assert it never shows up in logs).</summary>
    public string AccessKeyId { get; init; } = "AKIAEMULATORFAKEKEY01";

    /// <summary>Fake <c>AWS_SECRET_ACCESS_KEY</c>.</summary>
    public string SecretAccessKey { get; init; } = "emulator-fake-secret-access-key-do-not-log";

    /// <summary>Fake <c>AWS_SESSION_TOKEN</c>.</summary>
    public string SessionToken { get; init; } = "emulator-fake-session-token-do-not-log";

    /// <summary><c>AWS_LAMBDA_LOG_FORMAT</c> (<c>Text</c>/<c>JSON</c>); not set when null.</summary>
    public string? LogFormat { get; init; }

    /// <summary><c>AWS_LAMBDA_LOG_LEVEL</c>; not set when null.</summary>
    public string? LogLevel { get; init; }

    /// <summary>Extra variables added to <see cref="AwsRuntimeApiEmulator.Environment"/> (they win over the defaults).</summary>
    public IReadOnlyDictionary<string, string>? AdditionalEnvironment { get; init; }

    /// <summary>Keep every request in <see cref="AwsRuntimeApiEmulator.Requests"/>; turn off for long benchmarks.</summary>
    public bool RecordRequests { get; init; } = true;
}
