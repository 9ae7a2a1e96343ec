using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using Runtime.Engine.Http;

namespace Runtime.Light.Triggers;

/// <summary>
/// Alibaba Cloud's HTTP-shaped events that reach a function as an event (protocols.md 3.5, 7.5 and the captures):
/// the FC 3.0 HTTP-trigger event (<c>version: "v1"</c>, <c>rawPath</c>, <c>queryParameters</c> with duplicates
/// comma-joined, <c>requestContext.http</c>) and the API Gateway trigger event (<c>httpMethod</c>, <c>path</c>,
/// <c>queryParameters</c>, no <c>version</c>). Both answer <c>{statusCode, headers, isBase64Encoded, body}</c>.
/// (FC custom runtimes get HTTP triggers as raw HTTP instead; this is for events posted to <c>/invoke</c>.)
/// </summary>
internal sealed class AlibabaHttpCodec : IHttpEventCodec
{
    public const string Fc3HttpTrigger = "alibaba.fc3.http";
    public const string ApiGateway = "alibaba.apigw";

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
        JsonElement context = TriggerJson.Object(root, "requestContext");
        JsonElement http = TriggerJson.Object(context, "http");
        if (TriggerJson.String(root, "version") == "v1" && TriggerJson.String(root, "rawPath") is { } rawPath
            && http.ValueKind == JsonValueKind.Object)
        {
            request = new FaaSRequest(Fc3HttpTrigger, (TriggerJson.String(http, "method") ?? "GET").ToUpperInvariant(),
                TriggerJson.String(http, "path") ?? TriggerJson.UrlDecode(rawPath));
            TriggerJson.AddSingleMap(TriggerJson.Object(root, "headers"), request.Headers);
            // Duplicates arrive comma-joined and FC gives no raw query string (protocols.md 7.5), so a joined value
            // stays one value rather than being split on a guess.
            TriggerJson.AddSingleMap(TriggerJson.Object(root, "queryParameters"), request.Query);
            request.RawQueryString = TriggerJson.BuildQuery(request.Query);
            request.ClientIp = TriggerJson.String(http, "sourceIp");
            request.Body = TriggerJson.Body(root, "FC HTTP trigger");
            return true;
        }
        if (TriggerJson.String(root, "httpMethod") is { } method && TriggerJson.String(root, "path") is { } path
            && root.TryGetProperty("queryParameters", out _) && !root.TryGetProperty("version", out _))
        {
            request = new FaaSRequest(ApiGateway, method.ToUpperInvariant(), path);
            TriggerJson.AddSingleMap(TriggerJson.Object(root, "headers"), request.Headers);
            TriggerJson.AddSingleMap(TriggerJson.Object(root, "queryParameters"), request.Query);
            request.RawQueryString = TriggerJson.BuildQuery(request.Query);
            TriggerJson.AddPathParameters(TriggerJson.Object(root, "pathParameters"), request);
            request.ClientIp = request.Headers.Get("X-Real-IP");
            request.Body = TriggerJson.Body(root, "Alibaba API Gateway");
            return true;
        }
        return false;
    }

    public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, s_writerOptions);
        writer.WriteStartObject();
        writer.WriteNumber("statusCode"u8, response.StatusCode);
        TriggerJson.WriteJoinedHeaders(writer, response, cookiesAsArray: true);
        TriggerJson.WriteBody(writer, response);
        writer.WriteEndObject();
        writer.Flush();
        return "application/json";
    }
}
