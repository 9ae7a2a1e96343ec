using System.Collections.Generic;
using System.Text;
using Runtime.Engine.Http;

namespace Runtime.Layers.AspNetCore.Tests;

/// <summary>A copy of the <see cref="FaaSResponse"/> the codec was asked to encode (the engine returns its buffer afterwards).</summary>
internal sealed class CapturedResponse
{
    public CapturedResponse(FaaSResponse response)
    {
        StatusCode = response.StatusCode;
        foreach (KeyValuePair<string, string> header in response.Headers)
        {
            Headers.Add(header);
        }
        Cookies.AddRange(response.Cookies);
        Body = response.Body.ToArray();
    }

    public int StatusCode { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    public List<string> Cookies { get; } = new();

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Values(name) is { Count: > 0 } values ? values[0] : null;

    public List<string> Values(string name)
    {
        var values = new List<string>();
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, System.StringComparison.OrdinalIgnoreCase))
            {
                values.Add(header.Value);
            }
        }
        return values;
    }
}
