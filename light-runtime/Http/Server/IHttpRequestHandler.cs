using System.Threading;
using System.Threading.Tasks;

namespace Runtime.Light.Http.Server;

/// <summary>Answers the requests of an <see cref="HttpServer"/>; called concurrently for different connections.</summary>
internal interface IHttpRequestHandler
{
    /// <summary>
    /// Fills <paramref name="response"/> for <paramref name="request"/>; the server writes it after this returns. An
    /// exception becomes a bare 500 (logged at Error). <paramref name="cancellationToken"/> fires when the server gives
    /// up on requests in flight (the drain timeout of <see cref="HttpServer.StopAsync"/> ran out).
    /// </summary>
    ValueTask HandleAsync(HttpServerRequest request, HttpServerResponse response, CancellationToken cancellationToken);
}
