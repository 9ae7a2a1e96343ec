using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;

namespace Runtime.Light.Triggers;

/// <summary>
/// The Azure Functions custom-handler payload for an HTTP trigger (protocols.md 5.2 and the captured request): the
/// trigger binding under <c>Data</c> is an object with <c>Url</c>, <c>Method</c>, <c>Query</c>, <c>Headers</c> (arrays of
/// values), <c>Params</c> and <c>Body</c> (base64 for octet-stream and multipart bodies, text otherwise). The answer
/// is <c>{"Outputs":{"res":{statusCode, headers, body}}, "Logs":[], "ReturnValue":{...}}</c>: the same HTTP response
/// under the conventional output binding <c>res</c> and as the return value, so a <c>function.json</c> that binds the
/// HTTP output to either name works.
/// </summary>
internal sealed class AzureHttpCodec : IHttpEventCodec
{
    public const string HttpTrigger = "azure.http";

    /// <summary>The output binding name for the HTTP response (the convention in the docs and in generated function.json).</summary>
    public const string OutputBinding = "res";

    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request)
    {
        request = null;
        using JsonDocument? document = TriggerJson.TryParse(payload);
        if (document is null)
        {
            return false;
        }
        JsonElement data = TriggerJson.Object(document.RootElement, "Data");
        if (data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        foreach (JsonProperty binding in data.EnumerateObject())
        {
            JsonElement value = binding.Value;
            if (TriggerJson.String(value, "Method") is { } method && TriggerJson.String(value, "Url") is { } url)
            {
                request = Decode(value, method, url);
                return true;
            }
        }
        return false;
    }

    public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, s_writerOptions);
        writer.WriteStartObject();
        writer.WriteStartObject("Outputs"u8);
        writer.WritePropertyName(OutputBinding);
        WriteHttpResponse(writer, response);
        writer.WriteEndObject();
        writer.WriteStartArray("Logs"u8);
        writer.WriteEndArray();
        writer.WritePropertyName("ReturnValue"u8);
        WriteHttpResponse(writer, response);
        writer.WriteEndObject();
        writer.Flush();
        return "application/json";
    }

    private static FaaSRequest Decode(JsonElement value, string method, string url)
    {
        string path = "/";
        string? rawQuery = null;
        if (Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            path = Uri.UnescapeDataString(uri.AbsolutePath);
            rawQuery = uri.Query.Length > 1 ? uri.Query[1..] : string.Empty;
        }
        var request = new FaaSRequest(HttpTrigger, method.ToUpperInvariant(), path);
        TriggerJson.AddMultiMap(TriggerJson.Object(value, "Headers"), request.Headers);
        if (rawQuery is not null)
        {
            TriggerJson.AddRawQuery(rawQuery, request.Query); // the URL keeps repeated keys; Query joins them with commas
            request.RawQueryString = rawQuery;
        }
        else
        {
            TriggerJson.AddSingleMap(TriggerJson.Object(value, "Query"), request.Query);
            request.RawQueryString = TriggerJson.BuildQuery(request.Query);
        }
        TriggerJson.AddPathParameters(TriggerJson.Object(value, "Params"), request);
        request.ClientIp = request.Headers.Get("X-Forwarded-For")?.Split(',')[0].Trim();
        string? body = TriggerJson.String(value, "Body");
        if (!string.IsNullOrEmpty(body))
        {
            string contentType = request.ContentType ?? string.Empty;
            bool binary = contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
                || contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
            if (!binary)
            {
                request.Body = Encoding.UTF8.GetBytes(body);
            }
            else
            {
                byte[] buffer = new byte[body.Length * 3 / 4 + 3];
                if (!Convert.TryFromBase64String(body, buffer, out int written))
                {
                    throw new FaaSRuntimeException(ErrorTypes.InvalidEvent,
                        $"The Azure HTTP trigger sent a {contentType} body that is not base64, as the host sends such bodies.");
                }
                request.Body = buffer.AsMemory(0, written);
            }
        }
        return request;
    }

    private static void WriteHttpResponse(Utf8JsonWriter writer, FaaSResponse response)
    {
        writer.WriteStartObject();
        writer.WriteNumber("statusCode"u8, response.StatusCode);
        TriggerJson.WriteJoinedHeaders(writer, response, cookiesAsArray: false);
        ReadOnlySpan<byte> body = response.Body.Span;
        if (TriggerJson.IsTextual(response.ContentType) && System.Text.Unicode.Utf8.IsValid(body))
        {
            writer.WriteString("body"u8, body);
        }
        else
        {
            // The payload protocol has no binary flag, so bytes go as base64 text and the caller must know to decode
            // them; an HTTP function that returns bytes is better served by HTTP forwarding (raw HTTP).
            writer.WriteBase64String("body"u8, body);
        }
        writer.WriteEndObject();
    }
}
