using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Runtime.Engine.Http;
using Runtime.Light.Http.Server;

namespace Runtime.Light.Adapters.Server;

/// <summary>
/// An HTTP request that reached the bootstrap as real HTTP (server-model platforms): the request is the one the
/// server parsed, and the handler's response becomes the real HTTP response. One per request.
/// <paramref name="strip"/> removes platform headers (such as FC's <c>x-fc-*</c>, which carry credentials) from what the
/// function sees; the adapter reads those into the platform context first.
/// </summary>
internal sealed class RawHttpCodec : IHttpEventCodec
{
    public const string Shape = "http.raw";

    private readonly HttpServerRequest _request;
    private HttpServerResponse _response;
    private readonly Func<string, bool>? _strip;

    public RawHttpCodec(HttpServerRequest request, HttpServerResponse response, Func<string, bool>? strip = null)
    {
        _request = request;
        _response = response;
        _strip = strip;
    }

    /// <summary>Whether the function answered through <see cref="FaaSResponse"/> (an HTTP handler).</summary>
    public bool Encoded { get; private set; }

    public bool TryDecode(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out FaaSRequest? request)
    {
        var decoded = new FaaSRequest(Shape, _request.Method, _request.Path)
        {
            RawQueryString = _request.QueryString,
            Body = _request.Body,
            ClientIp = _request.Headers.Get("X-Forwarded-For")?.Split(',')[0].Trim() ?? _request.RemoteEndPoint?.Address.ToString(),
        };
        foreach ((string name, string value) in _request.Headers)
        {
            if (_strip is null || !_strip(name))
            {
                decoded.Headers.Add(name, value);
            }
        }
        Triggers.TriggerJson.AddRawQuery(_request.QueryString, decoded.Query);
        request = decoded;
        return true;
    }

    public string Encode(FaaSRequest request, FaaSResponse response, IBufferWriter<byte> output)
    {
        // Locked against Detach (this codec is private to one request; nothing else locks it): an abandoned
        // handler's late answer goes either wholly into the request's response before the detach or nowhere.
        lock (this)
        {
            Encoded = true;
            _response.StatusCode = response.StatusCode;
            foreach ((string name, string value) in response.Headers)
            {
                if (!IsManagedByServer(name))
                {
                    _response.Headers.Add(name, value);
                }
            }
            foreach (string cookie in response.Cookies)
            {
                _response.Headers.Add("Set-Cookie", cookie);
            }
            output.Write(response.Body.Span);
        }
        return response.ContentType ?? "application/octet-stream";
    }

    /// <summary>
    /// The invocation was answered without its handler, which runs on: from now on its status and headers go to a
    /// response no one sends, so they cannot mix into the error answer or the connection's next request.
    /// </summary>
    public void Detach()
    {
        lock (this)
        {
            _response = new HttpServerResponse();
        }
    }

    /// <summary>Framing and connection headers are the server's to write, never the function's.</summary>
    internal static bool IsManagedByServer(string name) =>
        name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase);
}
