using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Runtime.Layers.WebAdapter.Tests.Support;

/// <summary>Builds one HTTP-shaped event in <see cref="TestHttpCodec"/>'s shape.</summary>
internal sealed class TestRequest
{
    private readonly List<(string Name, string Value)> _headers = new();
    private byte[]? _body;
    private string? _query;
    private string? _requestContextJson;

    private TestRequest(string method, string path)
    {
        Method = method;
        Path = path;
    }

    public string Method { get; }

    public string Path { get; }

    public static TestRequest Get(string path) => new("GET", path);

    public static TestRequest Post(string path) => new("POST", path);

    public TestRequest Query(string rawQuery)
    {
        _query = rawQuery;
        return this;
    }

    public TestRequest Header(string name, string value)
    {
        _headers.Add((name, value));
        return this;
    }

    public TestRequest Body(byte[] body, string contentType)
    {
        _body = body;
        return Header("Content-Type", contentType);
    }

    public TestRequest Body(string text, string contentType) => Body(Encoding.UTF8.GetBytes(text), contentType);

    /// <summary>An API Gateway-like <c>requestContext</c> object in the event (what LWA forwards as <c>x-amzn-request-context</c>).</summary>
    public TestRequest RequestContext(string json)
    {
        _requestContextJson = json;
        return this;
    }

    public byte[] ToEvent()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("method", Method);
            writer.WriteString("path", Path);
            if (_query is not null)
            {
                writer.WriteString("query", _query);
            }
            writer.WriteStartArray("headers");
            foreach ((string name, string value) in _headers)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(name);
                writer.WriteStringValue(value);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            if (_body is not null)
            {
                writer.WriteBase64String("body", _body);
            }
            if (_requestContextJson is not null)
            {
                writer.WritePropertyName("requestContext");
                using JsonDocument context = JsonDocument.Parse(_requestContextJson);
                context.RootElement.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}
