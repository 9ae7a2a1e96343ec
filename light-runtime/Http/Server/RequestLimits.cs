namespace Runtime.Light.Http.Server;

/// <summary>The size limits of <see cref="HttpServerOptions"/>, as the parsers take them.</summary>
internal readonly record struct RequestLimits(int MaxRequestLineBytes, int MaxRequestHeadersBytes, long MaxRequestBodyBytes)
{
    public static RequestLimits From(HttpServerOptions options) =>
        new(options.MaxRequestLineBytes, options.MaxRequestHeadersBytes, options.MaxRequestBodyBytes);
}
