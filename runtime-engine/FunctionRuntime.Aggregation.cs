using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Errors;
using Runtime.Engine.Functions;
using Runtime.Engine.Functions.Aggregation;
using Runtime.Engine.Http;
using Runtime.Engine.Lifecycle;

namespace Runtime.Engine;

/// <summary>Choosing the served function(s) at FunctionStart, and, in an aggregated instance, routing each invocation.</summary>
public sealed partial class FunctionRuntime
{
    /// <summary>
    /// The functions this instance serves: a handler layer; or the functions of an aggregation manifest with several
    /// (routed per invocation); or the one function a one-function manifest or the handler name picks.
    /// </summary>
    private FunctionDescriptor[] SelectFunctions()
    {
        if (_layerHandler is { } layerHandler)
        {
            _functionName = layerHandler.Layer;
            _logger.Information("Invocations are served by layer {Layer}", layerHandler.Layer);
            if (_builder.Aggregation is not null)
            {
                _logger.Warning("The aggregation manifest is not used: layer {Layer} serves every invocation", layerHandler.Layer);
            }
            return new[] { new FunctionDescriptor(layerHandler.Layer, layerHandler.Factory, FunctionLifetime.Singleton) };
        }
        if (_builder.Aggregation is { } manifest)
        {
            AggregationPlan plan;
            try
            {
                plan = AggregationPlan.Build(manifest, _builder.Functions);
            }
            catch (AggregationException ex)
            {
                throw new LifecyclePhaseException(LifecyclePhase.FunctionStart, "aggregation manifest", ex);
            }
            if (plan.Functions.Length == 1)
            {
                // One function: served as without a manifest, no routing; an explicit handler name must agree.
                FunctionDescriptor only = plan.Functions[0];
                if (_explicitHandler && !string.IsNullOrEmpty(_handlerName) && !string.Equals(_handlerName, only.Name, StringComparison.Ordinal))
                {
                    throw new LifecyclePhaseException(LifecyclePhase.FunctionStart, "aggregation manifest", new AggregationException(
                        $"The handler is set to '{_handlerName}', but {Where(manifest)} serves '{only.Name}'."));
                }
                _functionName = only.Name;
                return plan.Functions;
            }
            if (_explicitHandler && !string.IsNullOrEmpty(_handlerName))
            {
                _logger.Warning("Handler {Handler} is ignored: the aggregation manifest routes between {FunctionCount} functions",
                    _handlerName, plan.Functions.Length);
            }
            _plan = plan;
            _functionName = string.IsNullOrEmpty(manifest.Group) ? _function.Name : manifest.Group;
            _logger.Information("Aggregation {Group} serves {FunctionCount} functions; routes: {Routes}; triggers: {TriggerCount}",
                _functionName, plan.Functions.Length, plan.Routes.Describe(), plan.Triggers.Count);
            return plan.Functions;
        }
        FunctionRouter.Selection selection;
        try
        {
            selection = FunctionRouter.Select(_builder.Functions, _handlerName, _explicitHandler);
        }
        catch (FaaSRuntimeException ex)
        {
            throw new LifecyclePhaseException(LifecyclePhase.FunctionStart, "router", ex);
        }
        if (selection.Note is { } note)
        {
            _logger.Warning("{RouterNote}", note);
        }
        _functionName = selection.Function.Name;
        return new[] { selection.Function };
    }

    /// <summary>Constructs one function's handler (singletons now, others per invocation) and runs its initialiser.</summary>
    private async Task<InvokeDelegate> StartHandlerAsync(FunctionDescriptor function, IServiceProvider services, CancellationToken cancellationToken)
    {
        InvokeDelegate terminal;
        if (function.Lifetime == FunctionLifetime.Singleton)
        {
            IFunctionHandler handler = function.Factory(services)
                ?? throw new InvalidOperationException("The handler factory returned null.");
            _handlers.Add(handler);
            terminal = handler.InvokeAsync;
        }
        else
        {
            Func<IServiceProvider, IFunctionHandler> factory = function.Factory;
            terminal = context => factory(context.Services).InvokeAsync(context);
        }
        if (function.Initializer is { } initializer)
        {
            await initializer(services, cancellationToken).ConfigureAwait(false);
        }
        return terminal;
    }

    /// <summary>
    /// Chooses the function for one invocation of an aggregated instance: an HTTP-shaped event by method and path (a
    /// 404 or 405 answer when no route takes it), any other event by its trigger name (<c>Runtime.NoRoute</c> when it
    /// has none or no function takes it). Sets <see cref="FaaSContext.HandlerName"/> and <see cref="FaaSContext.Target"/>.
    /// </summary>
    private void Route(AggregationPlan plan, FaaSContext context)
    {
        if (context.PlatformContext is { } platformContext && TriggerNames?.ReadContextTriggerName(platformContext) is { } named)
        {
            RouteTrigger(plan, context, named);
            return;
        }
        if (context.TryGetRequest(out FaaSRequest? request))
        {
            RouteOutcome outcome = plan.Routes.Match(request.Method, request.Path, out RouteEntry? entry);
            if (outcome == RouteOutcome.Matched)
            {
                // The function sees the parameters of its own template, not those of the gateway's route in front.
                request.PathParameters.Clear();
                plan.Routes.Fill(entry!, request.Path, request.PathParameters);
                context.HandlerName = entry!.FunctionName;
                context.Target = _targets[entry.Target];
                return;
            }
            context.Target = outcome == RouteOutcome.NotFound ? s_notFound : MethodNotAllowed(plan.Routes.AllowedMethods(request.Path));
            return;
        }
        RouteTrigger(plan, context, TriggerNames?.ReadTriggerName(context.Event, context.PlatformContext));
    }

    /// <summary>Chooses the function that takes <paramref name="trigger"/>, or sets a target that fails with <c>Runtime.NoRoute</c>.</summary>
    private void RouteTrigger(AggregationPlan plan, FaaSContext context, string? trigger)
    {
        if (trigger is not null && plan.Triggers.TryGetValue(trigger, out int target))
        {
            context.HandlerName = plan.Functions[target].Name;
            context.Target = _targets[target];
            return;
        }
        string message = trigger is null
            ? $"The event is not an HTTP request and names no trigger, so no function of '{_functionName}' can be chosen for it."
            : $"No function of '{_functionName}' takes trigger '{trigger}'. Triggers: {TriggerList(plan)}.";
        // Thrown at the end of the chain, so every hook runs and sees it as the invocation's error.
        context.Target = _ => throw new FaaSRuntimeException(ErrorTypes.NoRoute, message);
    }

    private static readonly InvokeDelegate s_notFound = static context =>
    {
        FaaSRequest request = context.Request;
        WriteRouteAnswer(context, 404, $"No route for {request.Method} {request.Path}");
        return default;
    };

    private static InvokeDelegate MethodNotAllowed(string allow) => context =>
    {
        FaaSRequest request = context.Request;
        context.Response.Headers.Set("Allow", allow);
        WriteRouteAnswer(context, 405, $"Method {request.Method} is not allowed for {request.Path}");
        return default;
    };

    private static void WriteRouteAnswer(FaaSContext context, int status, string message)
    {
        FaaSResponse response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Write("{\"message\":\"");
        response.Write(JsonEncodedText.Encode(message).EncodedUtf8Bytes);
        response.Write("\"}");
        context.EncodeHttpResponse();
    }

    private static string TriggerList(AggregationPlan plan)
    {
        if (plan.Triggers.Count == 0)
        {
            return "none";
        }
        var names = new List<string>(plan.Triggers.Keys);
        names.Sort(StringComparer.Ordinal);
        return "'" + string.Join("', '", names) + "'";
    }

    private static string Where(AggregationManifest manifest) =>
        manifest.Source is null ? "the aggregation manifest" : $"aggregation manifest {manifest.Source}";
}
