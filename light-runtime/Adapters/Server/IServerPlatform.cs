using System.Threading;
using System.Threading.Tasks;
using Runtime.Light.Http.Server;

namespace Runtime.Light.Adapters.Server;

/// <summary>
/// One server-model platform's protocol: what each request the platform sends means (an event, a raw HTTP request,
/// a lifecycle call) and what answer it expects. <see cref="ServerAdapter"/> runs the server around it.
/// </summary>
internal interface IServerPlatform
{
    /// <summary>Short platform name for logs and <see cref="Runtime.Engine.FunctionInfo.Platform"/>.</summary>
    string Platform { get; }

    /// <summary>Serves one request; writes exactly one answer into <paramref name="response"/>.</summary>
    ValueTask ServeAsync(HttpServerRequest request, HttpServerResponse response, ServerInvoker invoker, CancellationToken cancellationToken);
}
