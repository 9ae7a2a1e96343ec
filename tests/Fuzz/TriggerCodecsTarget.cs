using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Http;
using Runtime.Light.Triggers;

namespace Runtime.Fuzz;

/// <summary>
/// Every trigger codec (AWS API Gateway v1/v2, function URL, ALB; Alibaba FC 3.0 and API Gateway; Tencent API Gateway
/// and function URL; Huawei APIG; the Azure custom-handler payload) decodes the input; each request decoded is
/// answered by echoing it (status, headers, cookies, body, content type) through the same codec's encoder.
/// Bad input = <see cref="FaaSRuntimeException"/> (the documented "HTTP-shaped but malformed", see
/// <see cref="IHttpEventCodec.TryDecode"/>) or a false "not HTTP". Oracle: the encoder's output is one valid JSON object.
/// </summary>
internal sealed class TriggerCodecsTarget : IFuzzTarget
{
    private readonly IHttpEventCodec[] _codecs =
    {
        new AwsHttpCodec(), new AlibabaHttpCodec(), new TencentHttpCodec(), new HuaweiApigCodec(), new AzureHttpCodec(),
    };

    public string Name => "triggers";

    public string[] Dictionary { get; } =
    {
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "0", "-1", "1e999", "\"\"", "\\u0000", "\\ud800", "\\udc00", "\\\"", "\\\\",
        "\"version\":\"2.0\"", "\"version\":\"v1\"", "\"httpMethod\":\"GET\"", "\"path\":\"/\"", "\"rawPath\":\"/a%2Fb+c\"",
        "\"rawQueryString\":\"a=1&a=%zz&b\"", "\"isBase64Encoded\":true", "\"body\":\"AAEC\"", "\"body\":\"***\"",
        "\"requestContext\":{\"elb\":{}}", "\"requestContext\":{\"http\":{\"method\":\"post\"}}", "\"requestContext\":{\"apiId\":\"a\"}",
        "\"resource\":\"/\"", "\"queryString\":{\"a\":[\"b\",true,1]}", "\"queryParameters\":{}", "\"multiValueHeaders\":{\"a\":[\"b\"]}",
        "\"headers\":{\"Content-Type\":\"application/octet-stream\"}", "\"cookies\":[\"a=b\"]", "\"Cookie\":\"a=b; c\"",
        "\"Data\":{\"req\":{\"Method\":\"GET\",\"Url\":\"http://h/p?q=1\"}}", "\"Url\":\"x:\"", "\"X-Forwarded-For\":\",\"",
        "\"pathParameters\":{\"\":\"x\"}", "%", "%C3%28", "+",
    };

    /// <summary>A parsed JSON document, its strings, the decoded request and the echoed response, a few times over per codec.</summary>
    public long AllocationBound(int inputLength) => 1024 * 1024 + 200L * inputLength;

    public void Run(ReadOnlySpan<byte> input)
    {
        ReadOnlyMemory<byte> payload = input.ToArray();
        foreach (IHttpEventCodec codec in _codecs)
        {
            FaaSRequest? request;
            try
            {
                if (!codec.TryDecode(payload, out request))
                {
                    continue;
                }
            }
            catch (FaaSRuntimeException ex) when (ex.ErrorType == ErrorTypes.InvalidEvent)
            {
                continue; // the documented answer to an HTTP-shaped event that is malformed
            }
            Echo(codec, request);
        }
    }

    private static void Echo(IHttpEventCodec codec, FaaSRequest request)
    {
        _ = request.Cookies.Count + request.BodyText.Length + request.PathParameters.Count + (request.ClientIp?.Length ?? 0);
        using var body = new PooledBufferWriter();
        var response = new FaaSResponse(body) { StatusCode = 100 + (request.Body.Length % 500) };
        foreach (KeyValuePair<string, string> header in request.Headers)
        {
            response.Headers.Add("X-Echo-" + header.Key, header.Value);
        }
        foreach (KeyValuePair<string, string> cookie in request.Cookies)
        {
            response.Cookies.Add(cookie.Key + "=" + cookie.Value);
        }
        if (request.ContentType is { } contentType)
        {
            response.ContentType = contentType;
        }
        response.Write(request.Body.Span);
        using var output = new PooledBufferWriter();
        string type = codec.Encode(request, response, output);
        if (type != "application/json")
        {
            throw new FuzzFailure($"{request.Shape}: the answer's content type is {type}.");
        }
        try
        {
            using JsonDocument answer = JsonDocument.Parse(output.WrittenMemory);
            if (answer.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FuzzFailure($"{request.Shape}: the answer is not a JSON object.");
            }
        }
        catch (JsonException ex)
        {
            throw new FuzzFailure($"{request.Shape}: the answer is not valid JSON: {ex.Message}");
        }
    }
}
