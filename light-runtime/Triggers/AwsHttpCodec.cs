using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Runtime.Engine.Http;

namespace Runtime.Light.Triggers;

/// <summary>
/// AWS's HTTP-shaped events (protocols.md section 7): API Gateway REST and HTTP API payload 1.0, HTTP API payload 2.0,
/// Lambda function URLs, and ALB targets in single- and multi-value mode. Detection is by shape, in the order
/// ALB, 2.0, 1.0; anything else is not HTTP. The response goes back in the shape the request came in.
/// </summary>
internal sealed class AwsHttpCodec : IHttpEventCodec
{
    public const string ApiGatewayV1 = "aws.apigw.v1";
    public const string ApiGatewayV2 = "aws.apigw.v2";
    public const string Alb = "aws.alb";

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
        if (TriggerJson.Has(context, "elb") && TriggerJson.String(root, "httpMethod") is { } albMethod)
        {
            request = DecodeAlb(root, albMethod);
            return true;
        }
        if (TriggerJson.String(root, "version") == "2.0" && TriggerJson.Object(context, "http").ValueKind == JsonValueKind.Object)
        {
            request = DecodeV2(root, context);
            return true;
        }
        if (TriggerJson.String(root, "httpMethod") is { } method
            && (TriggerJson.Has(root, "resource") || TriggerJson.Has(context, "resourceId") || TriggerJson.Has(context, "resourcePath")))
        {
            request = DecodeV1(root, context, method);
            return true;
        }
        return false;
    }

    public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, s_writerOptions);
        writer.WriteStartObject();
        writer.WriteNumber("statusCode"u8, response.StatusCode);
        switch (request.Shape)
        {
            case ApiGatewayV2:
                // Payload 2.0: one value per header (others joined with commas), Set-Cookie only in "cookies".
                WriteJoinedHeaders(writer, response);
                writer.WriteStartArray("cookies"u8);
                foreach (string cookie in response.Cookies)
                {
                    writer.WriteStringValue(cookie);
                }
                writer.WriteEndArray();
                break;
            case Alb:
                writer.WriteString("statusDescription"u8,
                    response.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + TriggerJson.StatusText(response.StatusCode));
                if (request.CodecState is true)
                {
                    WriteMultiValueHeaders(writer, response); // the target group reads only multiValueHeaders in this mode
                }
                else
                {
                    WriteLastValueHeaders(writer, response);
                }
                break;
            default:
                // REST / payload 1.0: multiValueHeaders carries repeated headers and every Set-Cookie.
                WriteMultiValueHeaders(writer, response);
                break;
        }
        TriggerJson.WriteBody(writer, response);
        writer.WriteEndObject();
        writer.Flush();
        return "application/json";
    }

    private static FaaSRequest DecodeV1(JsonElement root, JsonElement context, string method)
    {
        var request = new FaaSRequest(ApiGatewayV1, method.ToUpperInvariant(), TriggerJson.String(root, "path") ?? "/");
        JsonElement multiHeaders = TriggerJson.Object(root, "multiValueHeaders");
        if (multiHeaders.ValueKind == JsonValueKind.Object)
        {
            TriggerJson.AddMultiMap(multiHeaders, request.Headers);
        }
        else
        {
            TriggerJson.AddSingleMap(TriggerJson.Object(root, "headers"), request.Headers);
        }
        JsonElement multiQuery = TriggerJson.Object(root, "multiValueQueryStringParameters");
        if (multiQuery.ValueKind == JsonValueKind.Object)
        {
            TriggerJson.AddMultiMap(multiQuery, request.Query);
        }
        else
        {
            TriggerJson.AddSingleMap(TriggerJson.Object(root, "queryStringParameters"), request.Query);
        }
        request.RawQueryString = TriggerJson.BuildQuery(request.Query);
        TriggerJson.AddPathParameters(TriggerJson.Object(root, "pathParameters"), request);
        request.ClientIp = TriggerJson.String(TriggerJson.Object(context, "identity"), "sourceIp");
        request.Body = TriggerJson.Body(root, "API Gateway");
        return request;
    }

    private static FaaSRequest DecodeV2(JsonElement root, JsonElement context)
    {
        JsonElement http = TriggerJson.Object(context, "http");
        string method = (TriggerJson.String(http, "method") ?? "GET").ToUpperInvariant();
        string rawPath = TriggerJson.String(root, "rawPath") ?? TriggerJson.String(http, "path") ?? "/";
        var request = new FaaSRequest(ApiGatewayV2, method, TriggerJson.UrlDecode(rawPath.Replace("+", "%2B", StringComparison.Ordinal)));
        TriggerJson.AddSingleMap(TriggerJson.Object(root, "headers"), request.Headers);
        if (!request.Headers.Contains("Cookie") && root.TryGetProperty("cookies", out JsonElement cookies) && cookies.ValueKind == JsonValueKind.Array)
        {
            // 2.0 moves request cookies out of the headers; put them back so every trigger reads cookies one way.
            var parts = new List<string>();
            foreach (JsonElement cookie in cookies.EnumerateArray())
            {
                if (cookie.ValueKind == JsonValueKind.String)
                {
                    parts.Add(cookie.GetString()!);
                }
            }
            if (parts.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", parts));
            }
        }
        string? rawQuery = TriggerJson.String(root, "rawQueryString");
        if (rawQuery is not null)
        {
            TriggerJson.AddRawQuery(rawQuery, request.Query); // authoritative: repeated keys survive, unlike the joined map
            request.RawQueryString = rawQuery;
        }
        else
        {
            TriggerJson.AddSingleMap(TriggerJson.Object(root, "queryStringParameters"), request.Query);
            request.RawQueryString = TriggerJson.BuildQuery(request.Query);
        }
        TriggerJson.AddPathParameters(TriggerJson.Object(root, "pathParameters"), request);
        request.ClientIp = TriggerJson.String(http, "sourceIp");
        request.Body = TriggerJson.Body(root, "API Gateway / function URL");
        return request;
    }

    private static FaaSRequest DecodeAlb(JsonElement root, string method)
    {
        var request = new FaaSRequest(Alb, method.ToUpperInvariant(), TriggerJson.String(root, "path") ?? "/");
        JsonElement multiHeaders = TriggerJson.Object(root, "multiValueHeaders");
        bool multiValue = multiHeaders.ValueKind == JsonValueKind.Object;
        request.CodecState = multiValue;
        if (multiValue)
        {
            TriggerJson.AddMultiMap(multiHeaders, request.Headers);
            TriggerJson.AddMultiMap(TriggerJson.Object(root, "multiValueQueryStringParameters"), request.Query, decode: true);
        }
        else
        {
            TriggerJson.AddSingleMap(TriggerJson.Object(root, "headers"), request.Headers);
            // ALB does not URL-decode query parameters (protocols.md 7.4).
            TriggerJson.AddSingleMap(TriggerJson.Object(root, "queryStringParameters"), request.Query, decode: true);
        }
        request.RawQueryString = TriggerJson.BuildQuery(request.Query);
        string? forwarded = request.Headers.Get("X-Forwarded-For");
        request.ClientIp = forwarded?.Split(',')[0].Trim();
        request.Body = TriggerJson.Body(root, "ALB");
        return request;
    }

    private static void WriteMultiValueHeaders(Utf8JsonWriter writer, FaaSResponse response)
    {
        writer.WriteStartObject("multiValueHeaders"u8);
        foreach (string name in response.Headers.Names)
        {
            writer.WriteStartArray(name);
            foreach (string value in response.Headers.GetValues(name))
            {
                writer.WriteStringValue(value);
            }
            writer.WriteEndArray();
        }
        if (response.Cookies.Count > 0)
        {
            writer.WriteStartArray("Set-Cookie"u8);
            foreach (string cookie in response.Cookies)
            {
                writer.WriteStringValue(cookie);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteJoinedHeaders(Utf8JsonWriter writer, FaaSResponse response)
    {
        writer.WriteStartObject("headers"u8);
        foreach (string name in response.Headers.Names)
        {
            writer.WriteString(name, string.Join(",", response.Headers.GetValues(name)));
        }
        writer.WriteEndObject();
    }

    private static void WriteLastValueHeaders(Utf8JsonWriter writer, FaaSResponse response)
    {
        // Single-value mode carries one value per name; a second Set-Cookie cannot travel (ALB's own rule).
        writer.WriteStartObject("headers"u8);
        foreach (string name in response.Headers.Names)
        {
            IReadOnlyList<string> values = response.Headers.GetValues(name);
            writer.WriteString(name, values[^1]);
        }
        if (response.Cookies.Count > 0)
        {
            writer.WriteString("Set-Cookie"u8, response.Cookies[^1]);
        }
        writer.WriteEndObject();
    }
}
