using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Light.Adapters.Server;
using Runtime.Light.Http.Server;
using Runtime.Light.Triggers;

namespace Runtime.Light.Adapters.Azure;

/// <summary>
/// The Azure Functions host's requests (protocols.md 5): <c>GET /</c> without an invocation id is the host's readiness
/// probe; <c>POST /{FunctionName}</c> with a JSON <c>{Data, Metadata}</c> body is the payload protocol (an HTTP trigger
/// goes to the function as its request; any other trigger's value goes as the event, and the output comes back as
/// <c>ReturnValue</c>); anything else is an HTTP request forwarded by the host (HTTP forwarding or proxying).
/// A failed payload invocation answers 500 with the error report, which the host turns into a failed invocation.
/// </summary>
internal sealed class AzureServerPlatform : IServerPlatform
{
    private static readonly AzureHttpCodec s_httpCodec = new();

    public string Platform => AzureProtocol.PlatformName;

    public async ValueTask ServeAsync(HttpServerRequest request, HttpServerResponse response, ServerInvoker invoker, CancellationToken cancellationToken)
    {
        string? invocationId = request.Headers.Get(AzureProtocol.InvocationIdHeader);
        if (invocationId is null && request.Method == "GET" && request.Path == "/")
        {
            response.StatusCode = 200; // readiness: the host takes any answer on "/" as "started"
            return;
        }
        string requestId = string.IsNullOrEmpty(invocationId) ? invoker.NewRequestId() : invocationId;
        if (request.Method == "POST" && IsPayloadRequest(request, out JsonDocument? document))
        {
            using (document)
            {
                await InvokePayloadAsync(request, response, invoker, requestId, document).ConfigureAwait(false);
            }
            return;
        }
        string functionName = request.Path.TrimStart('/');
        await invoker.InvokeHttpAsync(request, response, requestId, DateTimeOffset.MaxValue, null,
            new AzureInvocationContext(functionName, requestId, null)).ConfigureAwait(false);
    }

    private static async ValueTask InvokePayloadAsync(HttpServerRequest request, HttpServerResponse response, ServerInvoker invoker,
        string requestId, JsonDocument document)
    {
        JsonElement root = document.RootElement;
        string functionName = request.Path.TrimStart('/');
        string? metadata = root.TryGetProperty("Metadata", out JsonElement meta) ? meta.GetRawText() : null;
        var context = new AzureInvocationContext(functionName, requestId, metadata);
        JsonElement data = root.GetProperty("Data");

        if (IsHttpTrigger(data))
        {
            // The HTTP trigger travels inside the payload; the codec reads it and writes the Outputs/ReturnValue answer.
            InvocationResult http = await invoker.InvokeEventAsync(response, request.Body, "application/json", requestId,
                DateTimeOffset.MaxValue, null, context, s_httpCodec).ConfigureAwait(false);
            Finish(response, http);
            return;
        }

        byte[] payload = TriggerValue(data);
        using var output = new PooledBufferWriter(1024);
        InvocationResult result = await invoker.InvokeEventAsync(response, payload, null, requestId, DateTimeOffset.MaxValue, null,
            context, null).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            // The function's output is the return value: as JSON when it is JSON, else as a JSON string.
            output.Write(response.Body.WrittenSpan);
            response.Body.Reset();
            WriteEnvelope(response.Body, output.WrittenSpan);
        }
        Finish(response, result);
    }

    private static void Finish(HttpServerResponse response, InvocationResult result)
    {
        if (result.Error is { } error)
        {
            ServerInvoker.WriteErrorBody(response, error, includeStackTrace: true);
            response.StatusCode = 500;
            return;
        }
        response.StatusCode = 200;
        response.Headers.Set("Content-Type", "application/json");
    }

    private static bool IsPayloadRequest(HttpServerRequest request, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonDocument? document)
    {
        document = null;
        string? contentType = request.Headers.Get("Content-Type");
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || request.Body.IsEmpty)
        {
            return false;
        }
        try
        {
            document = JsonDocument.Parse(request.Body);
        }
        catch (JsonException)
        {
            return false; // not the host's payload: a forwarded request with a JSON body that is not valid JSON
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Data", out JsonElement data)
            && data.ValueKind == JsonValueKind.Object)
        {
            return true;
        }
        document.Dispose();
        document = null;
        return false;
    }

    private static bool IsHttpTrigger(JsonElement data)
    {
        foreach (JsonProperty binding in data.EnumerateObject())
        {
            if (TriggerJson.String(binding.Value, "Method") is not null && TriggerJson.String(binding.Value, "Url") is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The trigger's value: a JSON string's contents (a queue message), else the value's JSON.</summary>
    private static byte[] TriggerValue(JsonElement data)
    {
        foreach (JsonProperty binding in data.EnumerateObject())
        {
            return binding.Value.ValueKind == JsonValueKind.String
                ? Encoding.UTF8.GetBytes(binding.Value.GetString()!)
                : Encoding.UTF8.GetBytes(binding.Value.GetRawText());
        }
        return Array.Empty<byte>();
    }

    private static void WriteEnvelope(IBufferWriter<byte> destination, ReadOnlySpan<byte> output)
    {
        using var writer = new Utf8JsonWriter(destination);
        writer.WriteStartObject();
        writer.WriteStartObject("Outputs"u8);
        writer.WriteEndObject();
        writer.WriteStartArray("Logs"u8);
        writer.WriteEndArray();
        writer.WritePropertyName("ReturnValue"u8);
        if (output.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else if (IsJson(output))
        {
            writer.WriteRawValue(output, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(output));
        }
        writer.WriteEndObject();
        writer.Flush();
    }

    private static bool IsJson(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        try
        {
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false; // plain text output: sent as a JSON string instead
        }
    }
}
