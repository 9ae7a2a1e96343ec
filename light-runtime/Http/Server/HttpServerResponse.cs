using Runtime.Engine.Buffers;
using Runtime.Engine.Http;

namespace Runtime.Light.Http.Server;

/// <summary>
/// The answer a handler builds; the server writes it, in one write where it fits, after the handler returns. One is
/// reused per connection, so it is valid only during <see cref="IHttpRequestHandler.HandleAsync"/>.
/// The server owns the framing: it writes <c>Content-Length</c> from <see cref="Body"/> and drops any
/// <c>Content-Length</c>, <c>Transfer-Encoding</c> or <c>Connection</c> header the handler adds; it adds <c>Date</c>
/// unless the handler set one, and <c>Connection: close</c> when the connection closes after this response. A HEAD
/// request, 204 and 304 get no body.
/// </summary>
internal sealed class HttpServerResponse
{
    /// <summary>A body buffer that grew past this goes back to the pool after the response.</summary>
    private const int KeepBodyCapacity = 64 * 1024;

    public HttpServerResponse()
    {
        Headers = new MultiMap(ignoreCase: true);
        Body = new PooledBufferWriter(1024);
    }

    /// <summary>200 unless set; 200-999 (a handler cannot send an interim 1xx).</summary>
    public int StatusCode { get; set; } = 200;

    public MultiMap Headers { get; }

    public PooledBufferWriter Body { get; private set; }

    /// <summary>Ask the server to close the connection after this response.</summary>
    public bool CloseConnection { get; set; }

    /// <summary>
    /// Gives this response a new body buffer and leaves the old one to whoever still writes it (a handler that runs
    /// on after its invocation was answered without it); the old buffer goes to the GC, never back to the pool.
    /// </summary>
    internal void ReplaceBody() => Body = new PooledBufferWriter(1024);

    internal void Reset()
    {
        StatusCode = 200;
        Headers.Clear();
        Body.Reset(KeepBodyCapacity);
        CloseConnection = false;
    }
}
