using System;
using System.Collections.Generic;
using System.Text;
using Runtime.Engine.Http;

namespace Runtime.Layers.AspNetCore.Tests;

/// <summary>An HTTP request as a trigger would carry it; <see cref="TestCodec"/> turns it into the engine's <see cref="FaaSRequest"/>.</summary>
internal sealed class TestRequest
{
    public TestRequest(string method, string path)
    {
        Method = method;
        Path = path;
    }

    public string Method { get; }

    public string Path { get; }

    public string? RawQuery { get; init; }

    public List<KeyValuePair<string, string>> Query { get; } = new();

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    public byte[] Body { get; init; } = Array.Empty<byte>();

    public string? ClientIp { get; init; }

    public static TestRequest Get(string path, string? rawQuery = null) => new("GET", path) { RawQuery = rawQuery };

    public static TestRequest Post(string path, string body, string contentType) =>
        new TestRequest("POST", path) { Body = Encoding.UTF8.GetBytes(body) }.WithHeader("Content-Type", contentType);

    public TestRequest WithHeader(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public FaaSRequest ToFaaSRequest()
    {
        var request = new FaaSRequest("test", Method, Path) { RawQueryString = RawQuery, Body = Body, ClientIp = ClientIp };
        foreach (KeyValuePair<string, string> header in Headers)
        {
            request.Headers.Add(header.Key, header.Value);
        }
        foreach (KeyValuePair<string, string> pair in Query)
        {
            request.Query.Add(pair.Key, pair.Value);
        }
        return request;
    }
}
