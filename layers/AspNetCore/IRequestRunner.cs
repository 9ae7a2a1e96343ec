using System.Threading.Tasks;

namespace Runtime.Layers.AspNetCore;

/// <summary>The started ASP.NET Core application, with its context type hidden (<see cref="HttpApplicationRunner{TContext}"/>).</summary>
internal interface IRequestRunner
{
    /// <summary>Runs one request through the app's pipeline; throws what the pipeline threw.</summary>
    Task RunAsync(FaaSHttpFeatures features);
}
