using System;
using System.Net;
using Runtime.Engine.Http;

namespace Runtime.Light.Http.Server;

/// <summary>
/// One request as the server read it. The body is fully buffered (and de-chunked) before the handler runs; it is
/// valid until the response is written.
/// </summary>
internal sealed class HttpServerRequest
{
    /// <summary>
    /// Builds a request by hand (tests, adapters): <paramref name="rawTarget"/> is split and decoded as the server does.
    /// </summary>
    public HttpServerRequest(string method, string rawTarget, MultiMap headers, ReadOnlyMemory<byte> body = default,
        Version? version = null, IPEndPoint? remoteEndPoint = null, long connectionId = 0)
    {
        Method = method;
        RawTarget = rawTarget;
        RequestTarget.Split(rawTarget, out string rawPath, out string path, out string query);
        RawPath = rawPath;
        Path = path;
        QueryString = query;
        Headers = headers;
        Body = body;
        Version = version ?? HttpVersion.Version11;
        RemoteEndPoint = remoteEndPoint;
        ConnectionId = connectionId;
    }

    internal HttpServerRequest(RequestHead head, ReadOnlyMemory<byte> body, IPEndPoint? remoteEndPoint, long connectionId)
    {
        Method = head.Method;
        RawTarget = head.RawTarget;
        Path = head.Path;
        RawPath = head.RawPath;
        QueryString = head.QueryString;
        Headers = head.Headers;
        Body = body;
        Version = head.Version;
        RemoteEndPoint = remoteEndPoint;
        ConnectionId = connectionId;
    }

    /// <summary>As sent (a case-sensitive token).</summary>
    public string Method { get; }

    /// <summary>The request-target as sent, e.g. <c>/a%20b/c?x=1&amp;x=2</c>.</summary>
    public string RawTarget { get; }

    /// <summary>
    /// The path, percent-decoded as UTF-8, except that <c>%2F</c> stays escaped (see <see cref="RequestTarget"/>);
    /// <c>/</c> for an absolute-form target without a path.
    /// </summary>
    public string Path { get; }

    /// <summary>The path as sent.</summary>
    public string RawPath { get; }

    /// <summary>The raw query, without <c>?</c>; empty when there is none.</summary>
    public string QueryString { get; }

    /// <summary>Case-insensitive names; repeated headers kept in arrival order. Values are decoded as UTF-8.</summary>
    public MultiMap Headers { get; }

    /// <summary>The de-chunked body; valid until the response is written.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>1.0 or 1.1.</summary>
    public Version Version { get; }

    public IPEndPoint? RemoteEndPoint { get; }

    public long ConnectionId { get; }
}
