using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Runtime.Layers.WebAdapter.Tests.Support;

/// <summary>The function's HTTP response, read back from <see cref="TestHttpCodec"/>'s output.</summary>
internal sealed class TestResponse
{
    private TestResponse(int statusCode, List<(string Name, string Value)> headers, List<string> cookies, byte[] body)
    {
        StatusCode = statusCode;
        Headers = headers;
        Cookies = cookies;
        Body = body;
    }

    public int StatusCode { get; }

    public List<(string Name, string Value)> Headers { get; }

    public List<string> Cookies { get; }

    public byte[] Body { get; }

    public string Text => Encoding.UTF8.GetString(Body);

    public static TestResponse Parse(ReadOnlySpan<byte> output)
    {
        using JsonDocument document = JsonDocument.Parse(output.ToArray());
        JsonElement root = document.RootElement;
        var headers = root.GetProperty("headers").EnumerateArray().Select(h => (h[0].GetString()!, h[1].GetString()!)).ToList();
        var cookies = root.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()!).ToList();
        return new TestResponse(root.GetProperty("statusCode").GetInt32(), headers, cookies, root.GetProperty("body").GetBytesFromBase64());
    }

    public string? Header(string name) => HeaderValues(name).FirstOrDefault();

    public List<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    public JsonElement Json()
    {
        using JsonDocument document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
