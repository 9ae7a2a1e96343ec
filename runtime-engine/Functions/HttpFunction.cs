using System.Threading.Tasks;
using Runtime.Engine.Http;

namespace Runtime.Engine.Functions;

/// <summary>
/// A function that answers HTTP requests, whichever trigger carries them (API gateway events, function URLs,
/// raw HTTP). An event that is not HTTP-shaped fails with <c>Runtime.NotHttpEvent</c>.
/// </summary>
public abstract class HttpFunction : IFunctionHandler
{
    /// <summary>Handles one request by writing <paramref name="response"/>.</summary>
    public abstract ValueTask HandleAsync(FaaSContext context, FaaSRequest request, FaaSResponse response);

    /// <inheritdoc />
    public async ValueTask InvokeAsync(FaaSContext context)
    {
        await HandleAsync(context, context.Request, context.Response).ConfigureAwait(false);
        context.EncodeHttpResponse();
    }
}
