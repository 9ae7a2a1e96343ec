using System;
using System.Collections.Generic;
using System.Text;

namespace Runtime.Engine.Http;

/// <summary>
/// One HTTP request, whatever trigger carried it (an API gateway event, a function URL, a raw HTTP request).
/// Built by the platform's <see cref="IHttpEventCodec"/>; values are already decoded (URL-decoding,
/// base64 bodies). Header names compare case-insensitively; query names case-sensitively.
/// </summary>
public sealed class FaaSRequest
{
    private string? _bodyText;
    private MultiMap? _cookies;

    /// <summary>Creates a request; codecs fill the collections afterwards.</summary>
    public FaaSRequest(string shape, string method, string path)
    {
        Shape = shape;
        Method = method;
        Path = path;
    }

    /// <summary>Which event shape this came from (for example <c>aws.apigw.v2</c>); decides the response shape.</summary>
    public string Shape { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The request path, decoded, starting with '/'.</summary>
    public string Path { get; }

    /// <summary>The raw query string without '?', when the trigger carries one; otherwise rebuilt from <see cref="Query"/>.</summary>
    public string? RawQueryString { get; set; }

    /// <summary>Query parameters; a repeated key keeps every value.</summary>
    public MultiMap Query { get; } = new(ignoreCase: false);

    /// <summary>Request headers; a repeated header keeps every value.</summary>
    public MultiMap Headers { get; } = new(ignoreCase: true);

    /// <summary>Path parameters filled in by the trigger's route template (or the router).</summary>
    public Dictionary<string, string> PathParameters { get; } = new(StringComparer.Ordinal);

    /// <summary>The request body, decoded from base64 when the trigger flagged it so.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => _bodyText ??= Body.IsEmpty ? string.Empty : Encoding.UTF8.GetString(Body.Span);

    /// <summary>The client's IP address as the platform reports it, if it does.</summary>
    public string? ClientIp { get; set; }

    /// <summary>The first <c>Content-Type</c> header, if any.</summary>
    public string? ContentType => Headers.Get("Content-Type");

    /// <summary>Cookies sent by the client (from every <c>Cookie</c> header), name to value.</summary>
    public MultiMap Cookies => _cookies ??= ParseCookies(Headers);

    /// <summary>State the codec keeps to answer in the same shape (for example the ALB multi-value switch).</summary>
    public object? CodecState { get; set; }

    private static MultiMap ParseCookies(MultiMap headers)
    {
        var cookies = new MultiMap(ignoreCase: false);
        foreach (string header in headers.GetValues("Cookie"))
        {
            foreach (Range part in header.AsSpan().Split(';'))
            {
                ReadOnlySpan<char> pair = header.AsSpan(part).Trim();
                if (pair.IsEmpty)
                {
                    continue;
                }
                int eq = pair.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }
                cookies.Add(pair[..eq].Trim().ToString(), pair[(eq + 1)..].Trim().ToString());
            }
        }
        return cookies;
    }
}
