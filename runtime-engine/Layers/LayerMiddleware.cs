using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Serilog;

namespace Runtime.Engine.Layers;

/// <summary>
/// A fail-open layer's middleware: if the middleware itself throws (not the steps inside it), the failure is logged,
/// naming the layer, and the invocation goes on through the inner steps as if the middleware were absent. The
/// middleware is built once; what crossed its inner step is kept per invocation in <see cref="FaaSContext.Items"/>.
/// A fail-closed layer's middleware is used as it is.
/// </summary>
internal static class LayerMiddleware
{
    public static Func<InvokeDelegate, InvokeDelegate> FailOpen(string layerName, Func<InvokeDelegate, InvokeDelegate> middleware, ILogger logger) =>
        next =>
        {
            string key = "layer-middleware:" + layerName + ":" + Guid.NewGuid().ToString("N");
            InvokeDelegate tracked = async context =>
            {
                var state = new InnerState { Started = true };
                context.Items[key] = state;
                try
                {
                    await next(context).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    state.Failure = ExceptionDispatchInfo.Capture(ex);
                    throw;
                }
            };
            InvokeDelegate wrapped;
            try
            {
                wrapped = middleware(tracked);
            }
            catch (Exception ex)
            {
                logger.Error(ex, "Layer {Layer} failed to build its middleware; going on without it (failure: open)", layerName);
                return next;
            }
            return async context =>
            {
                try
                {
                    await wrapped(context).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(context.Items.TryGetValue(key, out object? value) && value is InnerState { Failure: { } inner }
                                             && ReferenceEquals(inner.SourceException, ex)))
                {
                    // The middleware's own failure, not the function's: the manifest lets this layer fail alone.
                    logger.Error(ex, "Layer {Layer} failed in its middleware; going on without it (failure: open)", layerName);
                    if (!(context.Items.TryGetValue(key, out object? started) && started is InnerState { Started: true }))
                    {
                        await next(context).ConfigureAwait(false);
                    }
                }
            };
        };

    private sealed class InnerState
    {
        public bool Started;
        public ExceptionDispatchInfo? Failure;
    }
}
