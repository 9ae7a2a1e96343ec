using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// Drives one request through <see cref="IHttpApplication{TContext}"/> the way a server does: create the context,
/// run the pipeline, start and finish the response, fire OnCompleted, dispose the context. Unlike Kestrel, an exception
/// from the pipeline is not turned into a 500: it is rethrown and becomes the invocation's error.
/// </summary>
internal sealed class HttpApplicationRunner<TContext> : IRequestRunner where TContext : notnull
{
    private readonly IHttpApplication<TContext> _application;

    public HttpApplicationRunner(IHttpApplication<TContext> application) => _application = application;

    public async Task RunAsync(FaaSHttpFeatures features)
    {
        TContext context = _application.CreateContext(features);
        ExceptionDispatchInfo? failure = null;
        try
        {
            await _application.ProcessRequestAsync(context).ConfigureAwait(false);
            await features.FinishAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Held, not swallowed: OnCompleted and DisposeContext still run (they release the request's services and
            // record the failure in the app's diagnostics), then it is rethrown below as the invocation's error.
            failure = ExceptionDispatchInfo.Capture(ex);
        }
        Exception? completedFailure = await features.FireOnCompletedAsync().ConfigureAwait(false);
        _application.DisposeContext(context, failure?.SourceException ?? completedFailure);
        if (failure is not null)
        {
            if (completedFailure is not null)
            {
                features.LogLaterFailure(completedFailure);
            }
            failure.Throw();
        }
        if (completedFailure is not null)
        {
            ExceptionDispatchInfo.Throw(completedFailure);
        }
    }
}
