using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using Runtime.Engine;
using Runtime.Engine.Http;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// Builds the request the app gets: for an HTTP-shaped invocation, the same method, path (base path removed, re-encoded),
/// query, headers (every value of a repeated header) and body bytes; for any other event, a POST of the raw event bytes to
/// the pass-through path. Both carry the invocation's id and deadline as headers. The body is not copied.
/// </summary>
internal static class AppRequests
{
    public const string RequestIdHeader = "x-faas-request-id";
    public const string DeadlineHeader = "x-faas-deadline-ms";
    public const string TraceIdHeader = "x-faas-trace-id";

    public static HttpRequestMessage ForHttp(WebApp app, FaaSContext context, FaaSRequest request, AwsContextHeaders? aws)
    {
        WebAdapterSettings settings = app.Settings;
        string path = UrlPath.Escape(UrlPath.RemoveBase(request.Path, settings.RemoveBasePath));
        string? query = request.RawQueryString ?? BuildQuery(request.Query);
        string uri = string.IsNullOrEmpty(query) ? app.BaseAddress + path : app.BaseAddress + path + "?" + query;
        var message = new HttpRequestMessage(HttpMethod.Parse(request.Method), new Uri(uri, UriKind.Absolute))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        HttpContent? content = !request.Body.IsEmpty || MayHaveBody(request.Method) ? new ReadOnlyMemoryContent(request.Body) : null;
        string? authorizationSource = settings.AuthorizationSource;
        bool renameAuthorization = authorizationSource is not null && request.Headers.Contains(authorizationSource);
        foreach ((string header, string value) in request.Headers)
        {
            string name = header;
            if (IsHopByHop(name) || IsSetByLayer(name, aws is not null))
            {
                continue;
            }
            if (renameAuthorization)
            {
                // AWS_LWA_AUTHORIZATION_SOURCE: that header's value replaces Authorization.
                if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (name.Equals(authorizationSource, StringComparison.OrdinalIgnoreCase))
                {
                    name = "Authorization";
                }
            }
            // Request headers first; the content headers (Content-Type, ...) are refused there and go on the content.
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                content ??= new ReadOnlyMemoryContent(request.Body);
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        message.Content = content;
        AddContextHeaders(message, context, aws);
        if (aws is not null && AwsContextHeaders.RequestContextOf(context.Event) is { } requestContext)
        {
            message.Headers.TryAddWithoutValidation(AwsContextHeaders.RequestContext, requestContext);
        }
        return message;
    }

    /// <summary>A non-HTTP event: POST its bytes to the pass-through path, as LWA does (<c>application/json</c> unless the platform said otherwise).</summary>
    public static HttpRequestMessage ForEvent(WebApp app, FaaSContext context, AwsContextHeaders? aws)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(app.BaseAddress + UrlPath.Escape(app.Settings.PassThroughPath), UriKind.Absolute))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ReadOnlyMemoryContent(context.Event),
        };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", context.EventContentType ?? "application/json");
        AddContextHeaders(message, context, aws);
        return message;
    }

    private static void AddContextHeaders(HttpRequestMessage message, FaaSContext context, AwsContextHeaders? aws)
    {
        message.Headers.TryAddWithoutValidation(RequestIdHeader, context.RequestId);
        if (context.Deadline != DateTimeOffset.MaxValue)
        {
            message.Headers.TryAddWithoutValidation(DeadlineHeader, context.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }
        if (context.TraceId is { } trace)
        {
            message.Headers.TryAddWithoutValidation(TraceIdHeader, trace);
        }
        if (aws is not null)
        {
            message.Headers.TryAddWithoutValidation(AwsContextHeaders.LambdaContext, aws.LambdaContextOf(context));
        }
    }

    /// <summary>Connection-level headers of the caller's hop, and the framing the client sets itself.</summary>
    private static bool IsHopByHop(string name) => name.Length switch
    {
        2 => name.Equals("TE", StringComparison.OrdinalIgnoreCase),
        6 => name.Equals("Expect", StringComparison.OrdinalIgnoreCase),
        7 => name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase) || name.Equals("Trailer", StringComparison.OrdinalIgnoreCase),
        10 => name.Equals("Connection", StringComparison.OrdinalIgnoreCase) || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase),
        14 => name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase),
        16 => name.Equals("Proxy-Connection", StringComparison.OrdinalIgnoreCase),
        17 => name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Headers the layer sets: a caller's own values are dropped, so the app can trust them.</summary>
    private static bool IsSetByLayer(string name, bool aws) =>
        name.StartsWith("x-faas-", StringComparison.OrdinalIgnoreCase)
            ? name.Equals(RequestIdHeader, StringComparison.OrdinalIgnoreCase) || name.Equals(DeadlineHeader, StringComparison.OrdinalIgnoreCase)
              || name.Equals(TraceIdHeader, StringComparison.OrdinalIgnoreCase)
            : aws && (name.Equals(AwsContextHeaders.RequestContext, StringComparison.OrdinalIgnoreCase)
                      || name.Equals(AwsContextHeaders.LambdaContext, StringComparison.OrdinalIgnoreCase));

    private static bool MayHaveBody(string method) => method is "POST" or "PUT" or "PATCH";

    private static string? BuildQuery(MultiMap query)
    {
        if (query.Count == 0)
        {
            return null;
        }
        var builder = new StringBuilder();
        foreach ((string name, string value) in query)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }
            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }
}
