using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Functions;
using Runtime.Engine.Http;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// The function the layer installs: an HTTP function whose every request goes through the ASP.NET Core app. Deriving
/// from <see cref="HttpFunction"/> gives it the engine's HTTP path unchanged: a non-HTTP event fails with
/// <c>Runtime.NotHttpEvent</c> before the app sees it, and the response is encoded in the trigger's shape afterwards.
/// </summary>
internal sealed class AspNetCoreFunction : HttpFunction
{
    private readonly FaaSServer _server;

    public AspNetCoreFunction(FaaSServer server) => _server = server;

    public override ValueTask HandleAsync(FaaSContext context, FaaSRequest request, FaaSResponse response) =>
        new(_server.ProcessAsync(context, request, response));
}
