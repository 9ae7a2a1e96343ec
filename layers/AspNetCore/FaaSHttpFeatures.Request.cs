using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Runtime.Engine.Http;

namespace Runtime.Layers.AspNetCore;

/// <summary>The request side: what the trigger carried, as ASP.NET Core's request features.</summary>
internal sealed partial class FaaSHttpFeatures :
    IHttpRequestFeature, IHttpRequestBodyDetectionFeature, IHttpConnectionFeature, IHttpRequestIdentifierFeature,
    IHttpRequestLifetimeFeature, IHttpBodyControlFeature
{
    private string _protocol = "HTTP/1.1";
    private string _scheme;
    private string _method;
    private string _pathBase;
    private string _path;
    private string _queryString;
    private string? _rawTarget;
    private IHeaderDictionary _requestHeaders;
    private Stream? _requestBody;
    private string? _traceIdentifier;
    private string? _connectionId;
    private IPAddress? _remoteIp;
    private bool _remoteIpParsed;
    private IPAddress? _localIp;
    private int _remotePort;
    private int _localPort;
    private CancellationTokenSource? _abortSource;
    private bool _aborted;
    private bool _allowSynchronousIO = true;

    string IHttpRequestFeature.Protocol { get => _protocol; set => _protocol = value; }

    string IHttpRequestFeature.Scheme { get => _scheme; set => _scheme = value; }

    string IHttpRequestFeature.Method { get => _method; set => _method = value; }

    string IHttpRequestFeature.PathBase { get => _pathBase; set => _pathBase = value; }

    string IHttpRequestFeature.Path { get => _path; set => _path = value; }

    string IHttpRequestFeature.QueryString { get => _queryString; set => _queryString = value; }

    string IHttpRequestFeature.RawTarget
    {
        // Built on first use: the trigger gives the path decoded, so the raw target is its re-encoding.
        get => _rawTarget ??= (new PathString(_pathBase) + new PathString(_path)).ToUriComponent() + _queryString;
        set => _rawTarget = value;
    }

    IHeaderDictionary IHttpRequestFeature.Headers { get => _requestHeaders; set => _requestHeaders = value; }

    Stream IHttpRequestFeature.Body
    {
        get => _requestBody ??= new RequestBodyStream(_request.Body);
        set => _requestBody = value;
    }

    /// <summary>The trigger delivers the whole body at once, so there is one exactly when it is not empty.</summary>
    bool IHttpRequestBodyDetectionFeature.CanHaveBody => !_request.Body.IsEmpty;

    string IHttpConnectionFeature.ConnectionId { get => _connectionId ??= _context.RequestId; set => _connectionId = value; }

    IPAddress? IHttpConnectionFeature.RemoteIpAddress
    {
        get
        {
            if (!_remoteIpParsed)
            {
                _remoteIpParsed = true;
                _remoteIp ??= IPAddress.TryParse(_request.ClientIp, out IPAddress? parsed) ? parsed : null;
            }
            return _remoteIp;
        }
        set
        {
            _remoteIpParsed = true;
            _remoteIp = value;
        }
    }

    IPAddress? IHttpConnectionFeature.LocalIpAddress { get => _localIp; set => _localIp = value; }

    int IHttpConnectionFeature.RemotePort { get => _remotePort; set => _remotePort = value; }

    int IHttpConnectionFeature.LocalPort { get => _localPort; set => _localPort = value; }

    string IHttpRequestIdentifierFeature.TraceIdentifier
    {
        get => _traceIdentifier ??= _context.RequestId;
        set => _traceIdentifier = value;
    }

    CancellationToken IHttpRequestLifetimeFeature.RequestAborted
    {
        get
        {
            // Made on first use only: most requests never look, and the engine's token is itself made on first use.
            if (_abortSource is null)
            {
                if (_aborted)
                {
                    return new CancellationToken(canceled: true);
                }
                _abortSource = CancellationTokenSource.CreateLinkedTokenSource(_context.CancellationToken);
            }
            return _abortSource.Token;
        }
        set
        {
            _abortSource?.Dispose();
            _abortSource = null;
            _aborted = value.IsCancellationRequested;
            if (value.CanBeCanceled && !_aborted)
            {
                _abortSource = CancellationTokenSource.CreateLinkedTokenSource(value);
            }
        }
    }

    /// <summary>
    /// The app gives up on the request: its token is cancelled, and the invocation ends in an error rather than a
    /// response (there is no connection to reset; the platform is told instead).
    /// </summary>
    void IHttpRequestLifetimeFeature.Abort()
    {
        _aborted = true;
        _abortSource?.Cancel();
    }

    /// <summary>
    /// True by default, unlike Kestrel: request and response bodies are in memory here, so a synchronous read or write
    /// never blocks a thread. An app that sets it to false gets Kestrel's error on synchronous writes.
    /// </summary>
    bool IHttpBodyControlFeature.AllowSynchronousIO { get => _allowSynchronousIO; set => _allowSynchronousIO = value; }

    private static HeaderDictionary RequestHeaders(FaaSRequest request)
    {
        var headers = new HeaderDictionary(request.Headers.Count + 1);
        foreach (KeyValuePair<string, string> header in request.Headers)
        {
            headers[header.Key] = headers.TryGetValue(header.Key, out StringValues earlier)
                ? StringValues.Concat(earlier, header.Value)
                : new StringValues(header.Value);
        }
        int length = request.Body.Length;
        if (length > 0 || headers.ContainsKey(HeaderNames.ContentLength))
        {
            // The body has arrived whole (and was base64-decoded by the codec): its length is the true Content-Length,
            // whatever the gateway's header said, so body readers stop where the body does.
            headers.ContentLength = length;
        }
        return headers;
    }

    private static string Scheme(IHeaderDictionary headers, string fallback)
    {
        // The gateway in front is the platform's own, so its X-Forwarded-Proto is trusted for the scheme.
        string? forwarded = headers.TryGetValue("X-Forwarded-Proto", out StringValues values) ? values[0] : null;
        if (forwarded is not null)
        {
            ReadOnlySpan<char> first = forwarded.AsSpan();
            int comma = first.IndexOf(',');
            first = (comma >= 0 ? first[..comma] : first).Trim();
            if (first.Equals("https", StringComparison.OrdinalIgnoreCase))
            {
                return "https";
            }
            if (first.Equals("http", StringComparison.OrdinalIgnoreCase))
            {
                return "http";
            }
        }
        return fallback;
    }

    private static (string PathBase, string Path) SplitPath(string path, string? pathBase)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            path = "/" + path;
        }
        if (pathBase is not null
            && new PathString(path).StartsWithSegments(new PathString(pathBase), StringComparison.OrdinalIgnoreCase, out PathString matched, out PathString rest))
        {
            return (matched.Value!, rest.Value ?? string.Empty);
        }
        return (string.Empty, path);
    }

    private static string QueryString(FaaSRequest request)
    {
        string? raw = request.RawQueryString;
        if (!string.IsNullOrEmpty(raw))
        {
            return raw[0] == '?' ? raw : "?" + raw;
        }
        if (request.Query.Count == 0)
        {
            return string.Empty;
        }
        var builder = new StringBuilder();
        foreach (KeyValuePair<string, string> pair in request.Query)
        {
            builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
        }
        return builder.ToString();
    }
}
