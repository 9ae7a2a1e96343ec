using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using Runtime.Engine.Http;

namespace Runtime.Light.Triggers;

/// <summary>
/// Tencent SCF's HTTP-shaped events for event functions (protocols.md 7.6 and 7.6b): the API Gateway trigger
/// (<c>requestContext.serviceId</c>) and Function URLs (no <c>requestContext</c>; client IP in
/// <c>x-scf-remote-addr</c>). Both carry <c>httpMethod</c>, <c>path</c>, <c>headers</c> and a <c>queryString</c>
/// object in which a repeated key is an array and a key without a value is <c>true</c>. The answer is the
/// integration-response shape <c>{isBase64Encoded, statusCode, headers, body}</c>.
/// </summary>
internal sealed class TencentHttpCodec : IHttpEventCodec
{
    public const string ApiGateway = "tencent.apigw";

    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request)
    {
        request = null;
        using JsonDocument? document = TriggerJson.TryParse(payload);
        if (document is null)
        {
            return false;
        }
        JsonElement root = document.RootElement;
        string? method = TriggerJson.String(root, "httpMethod");
        string? path = TriggerJson.String(root, "path");
        if (method is null || path is null || TriggerJson.Object(root, "headers").ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("queryString", out JsonElement query))
        {
            return false;
        }
        JsonElement context = TriggerJson.Object(root, "requestContext");
        request = new FaaSRequest(ApiGateway, method.ToUpperInvariant(), path);
        TriggerJson.AddSingleMap(TriggerJson.Object(root, "headers"), request.Headers);
        if (query.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in query.EnumerateObject())
            {
                AddQueryValue(request, property.Name, property.Value);
            }
        }
        request.RawQueryString = TriggerJson.BuildQuery(request.Query);
        TriggerJson.AddPathParameters(TriggerJson.Object(root, "pathParameters"), request);
        request.ClientIp = TriggerJson.String(context, "sourceIp") ?? request.Headers.Get("x-scf-remote-addr");
        request.Body = TriggerJson.Body(root, "Tencent API Gateway");
        return true;
    }

    public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, s_writerOptions);
        writer.WriteStartObject();
        writer.WriteNumber("statusCode"u8, response.StatusCode);
        // Several cookies travel as an array value, as the community adapters for this trigger do.
        TriggerJson.WriteJoinedHeaders(writer, response, cookiesAsArray: true);
        TriggerJson.WriteBody(writer, response);
        writer.WriteEndObject();
        writer.Flush();
        return "application/json";
    }

    private static void AddQueryValue(FaaSRequest request, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                request.Query.Add(name, value.GetString()!);
                break;
            case JsonValueKind.True:
                request.Query.Add(name, string.Empty); // "?flag" arrives as "flag": true
                break;
            case JsonValueKind.Number:
                request.Query.Add(name, value.GetRawText());
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    AddQueryValue(request, name, item);
                }
                break;
        }
    }
}
