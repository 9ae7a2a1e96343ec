using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Runtime.Engine.Http;

namespace Runtime.Light.Triggers;

/// <summary>
/// Huawei FunctionGraph's APIG/APIC trigger event (protocols.md 4 and 7.6b): <c>httpMethod</c>, <c>path</c>,
/// <c>headers</c>, <c>queryStringParameters</c>, <c>pathParameters</c> (a greedy match under the empty key),
/// <c>body</c>, <c>isBase64Encoded</c> and <c>requestContext.apiId</c>. The documented sample sets
/// <c>isBase64Encoded: true</c> on a plain-text body, so a body flagged base64 that is not valid base64 is taken as
/// text (logged by nobody: it is the platform's own documented shape). The answer is
/// <c>{statusCode, isBase64Encoded, headers, body}</c>.
/// </summary>
internal sealed class HuaweiApigCodec : IHttpEventCodec
{
    public const string Apig = "huawei.apig";

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
        string? method = TriggerJson.String(root, "httpMethod");
        string? path = TriggerJson.String(root, "path");
        if (method is null || path is null || TriggerJson.String(context, "apiId") is null)
        {
            return false;
        }
        request = new FaaSRequest(Apig, method.ToUpperInvariant(), path);
        TriggerJson.AddSingleMap(TriggerJson.Object(root, "headers"), request.Headers);
        TriggerJson.AddSingleMap(TriggerJson.Object(root, "queryStringParameters"), request.Query);
        request.RawQueryString = TriggerJson.BuildQuery(request.Query);
        TriggerJson.AddPathParameters(TriggerJson.Object(root, "pathParameters"), request);
        request.ClientIp = request.Headers.Get("x-real-ip") ?? request.Headers.Get("x-forwarded-for")?.Split(',')[0].Trim();
        request.Body = Body(root);
        return true;
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

    private static ReadOnlyMemory<byte> Body(JsonElement root)
    {
        string? body = TriggerJson.String(root, "body");
        if (string.IsNullOrEmpty(body))
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        if (TriggerJson.Bool(root, "isBase64Encoded"))
        {
            byte[] buffer = new byte[body.Length * 3 / 4 + 3];
            if (Convert.TryFromBase64String(body, buffer, out int written))
            {
                return buffer.AsMemory(0, written);
            }
        }
        return Encoding.UTF8.GetBytes(body);
    }
}
