using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Runtime.Emulator;

/// <summary>
/// A custom handler's answer to a payload-mode invocation, read as the Functions host reads it: a non-2xx status, a
/// non-JSON Content-Type or a body that is not a JSON object fails the invocation; otherwise <c>Outputs</c>,
/// <c>Logs</c> and <c>ReturnValue</c> are taken (property names matched case-insensitively, as Newtonsoft does).
/// </summary>
public sealed class AzureInvocationResult
{
    internal AzureInvocationResult(string invocationId, ReceivedResponse response, string? failure, JsonElement? outputs, IReadOnlyList<string> logs, JsonElement? returnValue)
    {
        InvocationId = invocationId;
        Response = response;
        Failure = failure;
        Outputs = outputs;
        Logs = logs;
        ReturnValue = returnValue;
    }

    /// <summary>The <c>X-Azure-Functions-InvocationId</c> sent.</summary>
    public string InvocationId { get; }

    /// <summary>True when the host would complete the invocation successfully.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>Why the host would fail the invocation, or null.</summary>
    public string? Failure { get; }

    /// <summary><c>Outputs</c> (an object keyed by output binding name), or null when absent.</summary>
    public JsonElement? Outputs { get; }

    /// <summary><c>Logs</c> lines (empty when absent).</summary>
    public IReadOnlyList<string> Logs { get; }

    /// <summary><c>ReturnValue</c>, or null when absent.</summary>
    public JsonElement? ReturnValue { get; }

    /// <summary>The full exchange (exact request and response bytes).</summary>
    public ReceivedResponse Response { get; }

    /// <summary>One output binding's value (case-insensitive name), or null.</summary>
    public JsonElement? Output(string bindingName)
    {
        if (Outputs is not { ValueKind: JsonValueKind.Object } outputs)
        {
            return null;
        }

        foreach (JsonProperty property in outputs.EnumerateObject())
        {
            if (property.Name.Equals(bindingName, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
