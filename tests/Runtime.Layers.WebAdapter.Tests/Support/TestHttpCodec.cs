using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Runtime.Engine.Http;

namespace Runtime.Layers.WebAdapter.Tests.Support;

/// <summary>
/// A small HTTP event shape for tests: <c>{"method","path","query","headers":[[name,value],...],"body":base64}</c> in,
/// <c>{"statusCode","headers":[[name,value],...],"cookies":[...],"body":base64}</c> out. An event without
/// <c>method</c> is not HTTP-shaped (so it goes to the pass-through path).
/// </summary>
internal sealed class TestHttpCodec : IHttpEventCodec
{
    public const string Shape = "test.http";

    public static readonly TestHttpCodec Instance = new();

    public bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request)
    {
        request = null;
        if (payload.IsEmpty)
        {
            return false;
        }
        using JsonDocument document = JsonDocument.Parse(payload);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out JsonElement method))
        {
            return false;
        }
        request = new FaaSRequest(Shape, method.GetString()!, root.GetProperty("path").GetString()!);
        if (root.TryGetProperty("query", out JsonElement query))
        {
            request.RawQueryString = query.GetString();
            foreach (string pair in (request.RawQueryString ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=');
                request.Query.Add(Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]), eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]));
            }
        }
        if (root.TryGetProperty("headers", out JsonElement headers))
        {
            foreach (JsonElement header in headers.EnumerateArray())
            {
                request.Headers.Add(header[0].GetString()!, header[1].GetString()!);
            }
        }
        if (root.TryGetProperty("body", out JsonElement body))
        {
            request.Body = body.GetBytesFromBase64();
        }
        return true;
    }

    public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteNumber("statusCode", response.StatusCode);
        writer.WriteStartArray("headers");
        foreach ((string name, string value) in response.Headers)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(name);
            writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("cookies");
        foreach (string cookie in response.Cookies)
        {
            writer.WriteStringValue(cookie);
        }
        writer.WriteEndArray();
        writer.WriteBase64String("body", response.Body.Span);
        writer.WriteEndObject();
        writer.Flush();
        return "application/json";
    }
}
