using System;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Light.Http.Server;

namespace Runtime.Light.Tests.Http.Server;

/// <summary>A handler made of a delegate, counting its calls.</summary>
internal sealed class DelegateHandler : IHttpRequestHandler
{
    private readonly Func<HttpServerRequest, HttpServerResponse, CancellationToken, ValueTask> _handle;
    private int _calls;

    public DelegateHandler(Func<HttpServerRequest, HttpServerResponse, CancellationToken, ValueTask> handle)
    {
        _handle = handle;
    }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Answers 200 with "METHOD RawTarget" and then the request body.</summary>
    public static DelegateHandler Echo() => new((request, response, _) =>
    {
        response.Headers.Add("Content-Type", "text/plain");
        response.Body.Write(System.Text.Encoding.UTF8.GetBytes(request.Method + " " + request.RawTarget + "\n"));
        response.Body.Write(request.Body.Span);
        return default;
    });

    public ValueTask HandleAsync(HttpServerRequest request, HttpServerResponse response, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return _handle(request, response, cancellationToken);
    }
}
