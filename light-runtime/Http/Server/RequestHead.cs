using System;
using System.Net;
using Runtime.Engine.Http;

namespace Runtime.Light.Http.Server;

/// <summary>What <see cref="Http1RequestParser"/> read from one request head: the request's strings and its framing.</summary>
internal sealed class RequestHead
{
    public string Method { get; set; } = string.Empty;

    public string RawTarget { get; set; } = string.Empty;

    public string Path { get; set; } = string.Empty;

    public string RawPath { get; set; } = string.Empty;

    public string QueryString { get; set; } = string.Empty;

    /// <summary>A new map per request (it is handed to the request).</summary>
    public MultiMap Headers { get; private set; } = new(ignoreCase: true);

    public Version Version { get; set; } = HttpVersion.Version11;

    /// <summary>-1 when the request has no Content-Length.</summary>
    public long ContentLength { get; set; } = -1;

    public bool Chunked { get; set; }

    /// <summary>The connection stays open after the response (HTTP/1.1 unless <c>close</c>; HTTP/1.0 only with <c>keep-alive</c>).</summary>
    public bool KeepAlive { get; set; }

    /// <summary><c>Expect: 100-continue</c> was sent.</summary>
    public bool ExpectContinue { get; set; }

    /// <summary>The request carries a body to read (chunked, or a Content-Length above zero).</summary>
    public bool HasBody => Chunked || ContentLength > 0;

    public bool IsHead => ReferenceEquals(Method, HttpMethods.Head);

    internal void Reset()
    {
        Method = RawTarget = Path = RawPath = QueryString = string.Empty;
        Headers = new MultiMap(ignoreCase: true);
        Version = HttpVersion.Version11;
        ContentLength = -1;
        Chunked = KeepAlive = ExpectContinue = false;
    }
}
