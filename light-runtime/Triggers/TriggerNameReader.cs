using System;
using System.Text.Json;
using Runtime.Engine.Functions.Aggregation;
using Runtime.Light.Adapters.Azure;
using Runtime.Light.Adapters.Http;

namespace Runtime.Light.Triggers;

/// <summary>
/// Reads which trigger sent a non-HTTP event, for an aggregated instance to route it. Only top-level fields are read,
/// with a forward-only reader (no document is built):
/// <list type="bullet">
/// <item>Tencent SCF timer: <c>TriggerName</c> (<c>{"Type":"Timer","TriggerName":"oneminute",...}</c>).</item>
/// <item>Alibaba FC timer: <c>triggerName</c> (<c>{"triggerTime":...,"triggerName":"timer-trigger","payload":...}</c>).</item>
/// <item>Huawei FunctionGraph timer: <c>trigger_name</c>.</item>
/// <item>AWS EventBridge (scheduled events and other rules): the rule's name, the last segment of the first
/// <c>arn:*:events:*:*:rule/...</c> ARN in <c>resources</c> (rules on a custom bus have the bus in between).</item>
/// <item>Azure custom handlers: the Azure function the host invoked (one Azure function per binding).</item>
/// <item>CloudEvents (Knative sources, Cloud Run): the <c>faastrigger</c> extension attribute, which the generated
/// PingSource and KafkaSource set through <c>ceOverrides</c> (a source's own attributes name no f.yml trigger).</item>
/// </list>
/// Anything else (S3, SQS, COS, OSS notifications, a direct invoke with the user's own JSON) carries no trigger name:
/// null, and the engine reports <c>Runtime.NoRoute</c>.
/// </summary>
internal sealed class TriggerNameReader : ITriggerNameReader
{
    public static readonly TriggerNameReader Instance = new();

    /// <summary>The CloudEvents extension attribute that names the f.yml trigger (lower-case letters and digits, as the spec requires).</summary>
    public const string CloudEventExtension = "faastrigger";

    public string? ReadTriggerName(ReadOnlyMemory<byte> payload, object? platformContext)
    {
        if (platformContext is AzureInvocationContext azure)
        {
            return azure.FunctionName;
        }
        if (platformContext is CloudEventContext)
        {
            return ReadContextTriggerName(platformContext);
        }
        ReadOnlySpan<byte> json = payload.Span.TrimStart(" \t\r\n"u8);
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..].TrimStart(" \t\r\n"u8);
        }
        if (json.IsEmpty || json[0] != (byte)'{')
        {
            return null;
        }
        try
        {
            return Read(json);
        }
        catch (JsonException)
        {
            // Not JSON after all: it names no trigger, and the engine says so (Runtime.NoRoute) for this invocation.
            return null;
        }
    }

    public string? ReadContextTriggerName(object? platformContext) =>
        platformContext is CloudEventContext cloudEvent && cloudEvent.Extensions.TryGetValue(CloudEventExtension, out string? trigger) && trigger.Length > 0
            ? trigger
            : null;

    private static string? Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        reader.Read(); // the '{'
        string? rule = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool name = reader.ValueTextEquals("TriggerName"u8) || reader.ValueTextEquals("triggerName"u8) || reader.ValueTextEquals("trigger_name"u8);
            bool resources = !name && reader.ValueTextEquals("resources"u8);
            reader.Read();
            if (name && reader.TokenType == JsonTokenType.String)
            {
                string value = reader.GetString()!;
                if (value.Length > 0)
                {
                    return value;
                }
            }
            else if (resources && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (rule is null && reader.TokenType == JsonTokenType.String)
                    {
                        rule = RuleName(reader.GetString()!);
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }
        return rule;
    }

    /// <summary><c>arn:aws:events:us-east-1:123456789012:rule/my-rule</c> (or <c>rule/bus/my-rule</c>) gives <c>my-rule</c>.</summary>
    private static string? RuleName(string arn)
    {
        ReadOnlySpan<char> text = arn;
        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }
        // arn:partition:service:region:account:resource
        Span<Range> parts = stackalloc Range[7];
        if (text.Split(parts, ':') < 6 || !text[parts[2]].SequenceEqual("events") || !text[parts[5].Start..].StartsWith("rule/", StringComparison.Ordinal))
        {
            return null;
        }
        ReadOnlySpan<char> resource = text[parts[5].Start..];
        string last = resource[(resource.LastIndexOf('/') + 1)..].ToString();
        return last.Length == 0 ? null : last;
    }
}
