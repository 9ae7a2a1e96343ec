using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Engine.Errors;
using Runtime.Engine.Functions;
using Runtime.Engine.Functions.Aggregation;
using Runtime.Engine.Layers;
using Runtime.Engine.Lifecycle;
using Serilog;

namespace Runtime.Engine;

/// <summary>
/// Drives one function's life. The host calls the phases in this order, each at most once except Invoke:
/// <list type="number">
/// <item><b>RuntimeStart</b> (<see cref="StartRuntimeAsync"/>): the layers are configured, in stacking order (order, then
/// name); then BeforeRuntimeStart hooks in registration order, then AfterRuntimeStart hooks in reverse. Services may
/// still be registered. Stops at the first failure (a fail-open layer's failure is logged and the layer left out).</item>
/// <item><b>FunctionStart</b> (<see cref="StartFunctionAsync"/>): the router picks the function from the handler
/// name (or, with an aggregation manifest of several functions, checks it and compiles its routes); services are
/// built; BeforeFunctionStart hooks (registration order, once, also in an aggregated instance); each served function's
/// handler is constructed and its user initialiser runs (manifest order); the middleware chain is composed;
/// AfterFunctionStart hooks (reverse). Stops at the first failure.</item>
/// <item><b>Invoke</b> (<see cref="InvokeAsync"/>, any number of times, concurrently if the platform allows):
/// in an aggregated instance the route is chosen first (HTTP method and path, or the event's trigger name) so every
/// hook sees the routed function's name; then BeforeInvoke hooks (registration order), middleware (outermost first), the handler, then AfterInvoke hooks
/// (reverse) which always run and see the exception, if any. Ends in exactly one result: a response or an error. A handler
/// still running <see cref="DeadlineGrace"/> past the invocation's deadline is not waited for: the invocation ends in
/// <c>Function.Timeout</c> (the AfterInvoke hooks see it), and the handler runs on with its late result dropped.</item>
/// <item><b>Close</b> (<see cref="CloseAsync"/>): BeforeClose hooks in reverse registration order, the handler and
/// services disposed, AfterClose hooks in registration order. Every step runs, within the platform's grace period;
/// failures are collected and logged once. Never throws.</item>
/// </list>
/// A failure in either start phase is thrown as <see cref="LifecyclePhaseException"/> naming the phase and what
/// failed; the host reports it as an init error and exits. Close is not run after a failed start.
/// Layers' hooks come before the function's own hooks in every list (so layers are the outer rings of the onion),
/// and layers' middleware wraps the function's middleware. A layer may be the handler; then it serves every invocation.
/// </summary>
public sealed partial class FunctionRuntime : IAsyncDisposable
{
    private readonly FunctionAppBuilder _builder;
    private readonly FunctionInfo _function;
    private readonly ILogger _logger;
    private readonly string? _handlerName;
    private readonly bool _explicitHandler;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly long _created = Stopwatch.GetTimestamp();
    private readonly Func<string, string?> _environment;
    private readonly List<RuntimeHook> _layerHooks = new();
    private readonly List<Func<InvokeDelegate, InvokeDelegate>> _layerMiddleware = new();
    private (string Layer, Func<IServiceProvider, IFunctionHandler> Factory)? _layerHandler;
    private RuntimeHook[] _beforeInvoke = Array.Empty<RuntimeHook>();
    private RuntimeHook[] _afterInvoke = Array.Empty<RuntimeHook>();
    private ServiceProvider? _services;
    private readonly List<IFunctionHandler> _handlers = new();
    private InvokeDelegate? _pipeline;
    private string? _functionName;
    private AggregationPlan? _plan;
    private InvokeDelegate[] _targets = Array.Empty<InvokeDelegate>();
    private int _state; // 0 new, 1 runtime started, 2 function started, 3 closed
    private int _served;
    private int _abandoned;

    /// <summary>The default of <see cref="DeadlineGrace"/>.</summary>
    public static readonly TimeSpan DefaultDeadlineGrace = TimeSpan.FromMilliseconds(100);

    // Task.WaitAsync takes up to uint.MaxValue - 2 ms; a deadline further out than that is as good as none.
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromMilliseconds(uint.MaxValue - 2);

    /// <summary>Creates the runtime for <paramref name="builder"/>; <paramref name="handlerName"/> picks the function.</summary>
    /// <param name="builder">What the function binary registered.</param>
    /// <param name="function">The deployed function's description from the platform.</param>
    /// <param name="logger">The runtime's logger.</param>
    /// <param name="handlerName">The configured handler name, if any.</param>
    /// <param name="explicitHandler">True when the name was set for this runtime explicitly (then it must match).</param>
    /// <param name="environment">Reads environment variables for layers' settings (the process environment when null).</param>
    public FunctionRuntime(FunctionAppBuilder builder, FunctionInfo function, ILogger logger, string? handlerName, bool explicitHandler,
        Func<string, string?>? environment = null)
    {
        _environment = environment ?? System.Environment.GetEnvironmentVariable;
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
        _function = function ?? throw new ArgumentNullException(nameof(function));
        _logger = (logger ?? throw new ArgumentNullException(nameof(logger))).ForContext<FunctionRuntime>();
        _handlerName = handlerName;
        _explicitHandler = explicitHandler;
    }

    /// <summary>
    /// The function this instance serves, once FunctionStart has chosen it; in an aggregated instance, the group's name
    /// (the deployed function's name when the manifest gives none).
    /// </summary>
    public string? FunctionName => _functionName;

    /// <summary>
    /// Reads the trigger name of a non-HTTP event, for an aggregated instance to route it (supplied by the host, which
    /// knows the platform's event shapes). Without one, such events fail with <c>Runtime.NoRoute</c>.
    /// </summary>
    public ITriggerNameReader? TriggerNames { get; init; }

    /// <summary>
    /// Whether RuntimeStart logs the layer stack itself (the default). A host that answers the platform first sets
    /// false and logs <see cref="LayerStack"/> once the platform has been told it is ready: the first log line of a
    /// process initialises the console and the time zone (~0.3 ms), which a stack of layers would otherwise put in
    /// front of the first poll.
    /// </summary>
    public bool LogLayerStackAtStart { get; init; } = true;

    /// <summary>The layers as RuntimeStart stacked them, outermost first (name, version, order, source, failure policy); null when there are none.</summary>
    public string? LayerStack { get; private set; }

    /// <summary>
    /// How long past an invocation's deadline the runtime waits for a handler that has not finished (it was cancelled
    /// at the deadline, but may ignore that) before it answers <c>Function.Timeout</c> without it. The handler cannot
    /// be stopped: it runs on in the background, and whatever it produces later is logged and dropped.
    /// </summary>
    public TimeSpan DeadlineGrace { get; init; } = DefaultDeadlineGrace;

    /// <summary>Cancelled when Close begins; invocation contexts link their tokens to it.</summary>
    public CancellationToken ShutdownToken => _shutdown.Token;

    /// <summary>RuntimeStart: runs the RuntimeStart hooks.</summary>
    public async Task StartRuntimeAsync(CancellationToken cancellationToken = default)
    {
        Transition(0, 1, "StartRuntimeAsync");
        ApplyLayers();
        var context = new RuntimeStartContext(_function, _builder.Services, _logger);
        foreach (RuntimeHook hook in Hooks(HookPhases.BeforeRuntimeStart, reverse: false))
        {
            await RunStartHook(LifecyclePhase.RuntimeStart, hook, h => h.BeforeRuntimeStartAsync(context, cancellationToken)).ConfigureAwait(false);
        }
        foreach (RuntimeHook hook in Hooks(HookPhases.AfterRuntimeStart, reverse: true))
        {
            await RunStartHook(LifecyclePhase.RuntimeStart, hook, h => h.AfterRuntimeStartAsync(context, cancellationToken)).ConfigureAwait(false);
        }
        _logger.Debug("RuntimeStart done in {ElapsedMs:F2} ms", Stopwatch.GetElapsedTime(_created).TotalMilliseconds);
    }

    /// <summary>FunctionStart: chooses the function (or an aggregation group's functions), builds services, constructs and initialises each handler.</summary>
    public async Task StartFunctionAsync(CancellationToken cancellationToken = default)
    {
        Transition(1, 2, "StartFunctionAsync");
        long started = Stopwatch.GetTimestamp();
        FunctionDescriptor[] served = SelectFunctions();
        string name = _functionName!;

        IServiceCollection services = _builder.Services;
        services.AddSingleton(_function);
        services.AddSingleton(_logger);
        try
        {
            _services = services.BuildServiceProvider();
        }
        catch (Exception ex)
        {
            throw new LifecyclePhaseException(LifecyclePhase.FunctionStart, "services", ex);
        }

        var context = new FunctionStartContext(_function, name, _services, _logger);
        foreach (RuntimeHook hook in Hooks(HookPhases.BeforeFunctionStart, reverse: false))
        {
            await RunStartHook(LifecyclePhase.FunctionStart, hook, h => h.BeforeFunctionStartAsync(context, cancellationToken)).ConfigureAwait(false);
        }
        var targets = new InvokeDelegate[served.Length];
        for (int i = 0; i < served.Length; i++)
        {
            FunctionDescriptor function = served[i];
            try
            {
                targets[i] = await StartHandlerAsync(function, _services, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                throw new LifecyclePhaseException(LifecyclePhase.FunctionStart, $"function '{function.Name}'", ex);
            }
        }
        _targets = targets;
        try
        {
            // An aggregated instance ends its chain in the function its router chose for the invocation.
            InvokeDelegate terminal = _plan is null ? targets[0] : static context => context.Target!(context);
            InvokeDelegate pipeline = _builder.Middleware.Build(terminal);
            for (int i = _layerMiddleware.Count - 1; i >= 0; i--)
            {
                pipeline = _layerMiddleware[i](pipeline);
            }
            _pipeline = pipeline;
        }
        catch (Exception ex)
        {
            throw new LifecyclePhaseException(LifecyclePhase.FunctionStart, $"function '{name}'", ex);
        }
        foreach (RuntimeHook hook in Hooks(HookPhases.AfterFunctionStart, reverse: true))
        {
            await RunStartHook(LifecyclePhase.FunctionStart, hook, h => h.AfterFunctionStartAsync(context, cancellationToken)).ConfigureAwait(false);
        }
        _beforeInvoke = Hooks(HookPhases.BeforeInvoke, reverse: false);
        _afterInvoke = Hooks(HookPhases.AfterInvoke, reverse: true);
        _logger.Debug("FunctionStart of {Function} done in {ElapsedMs:F2} ms", name,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Invoke: runs one invocation through the hooks, the middleware and the handler. Never throws for anything the
    /// function or a hook does: the result carries the error. Safe to call concurrently.
    /// </summary>
    public async ValueTask<InvocationResult> InvokeAsync(Invocation invocation)
    {
        InvokeDelegate pipeline = _pipeline ?? throw new InvalidOperationException("InvokeAsync was called before FunctionStart completed.");
        bool coldStart = _served == 0 && Interlocked.Exchange(ref _served, 1) == 0;
        var context = new FaaSContext(invocation, _function, _functionName!, _logger, _services!, coldStart, _shutdown.Token);
        Exception? error = null;
        Task? abandoned = null;
        try
        {
            if (_plan is { } plan)
            {
                Route(plan, context);
            }
            RuntimeHook[] before = _beforeInvoke;
            for (int i = 0; i < before.Length; i++)
            {
                try
                {
                    await before[i].BeforeInvokeAsync(context).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    throw new LifecyclePhaseException(LifecyclePhase.Invoke, $"hook '{before[i].Name}' (BeforeInvoke)", ex);
                }
            }
            ValueTask running = pipeline(context);
            if (running.IsCompleted || invocation.Deadline == DateTimeOffset.MaxValue)
            {
                await running.ConfigureAwait(false);
            }
            else
            {
                // The handler pended and has a deadline: wait for it until the deadline and the grace, no longer. Only
                // here is there a timer to pay for; a handler that completes synchronously never gets this far.
                Task handler = running.AsTask();
                try
                {
                    await handler.WaitAsync(AbandonAfter(context)).ConfigureAwait(false);
                }
                catch (TimeoutException ex) when (!ReferenceEquals(ex, handler.Exception?.InnerException))
                {
                    abandoned = handler;
                }
            }
        }
        catch (OperationCanceledException ex) when (context.CancelledByDeadline)
        {
            // Cancelled by the deadline, not by shutdown: a timeout, reported as one (issue 6, fault matrix handler-overruns).
            error = new FaaSRuntimeException(ErrorTypes.Timeout,
                $"The invocation ran past its deadline ({context.Deadline:O}) and was cancelled.", ex);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        long abandonedAt = 0;
        if (abandoned is not null)
        {
            // It ignored its token (or has none): answer without it, once, and let it run on in the background.
            abandonedAt = Stopwatch.GetTimestamp();
            error = new FaaSRuntimeException(ErrorTypes.Timeout,
                $"The invocation ran past its deadline ({context.Deadline:O}) and its handler did not finish within {DeadlineGrace.TotalMilliseconds:F0} ms after it; the handler was left running.");
            int running = Interlocked.Increment(ref _abandoned);
            _logger.Warning("Function {Function} is still running invocation {RequestId} {GraceMs:F0} ms past its deadline; answering {ErrorType} "
                + "and leaving the handler running in the background ({Abandoned} such handler(s) now)",
                context.HandlerName, invocation.RequestId, DeadlineGrace.TotalMilliseconds, ErrorTypes.Timeout, running);
        }

        RuntimeHook[] after = _afterInvoke;
        for (int i = 0; i < after.Length; i++)
        {
            try
            {
                await after[i].AfterInvokeAsync(context, error).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Later after-hooks still run; the first failure is what the platform is told.
                var hookError = new LifecyclePhaseException(LifecyclePhase.Invoke, $"hook '{after[i].Name}' (AfterInvoke)", ex);
                if (error is null)
                {
                    error = hookError;
                }
                else
                {
                    _logger.Error(hookError, "Hook {Hook} failed in AfterInvoke of {RequestId}", after[i].Name, invocation.RequestId);
                }
            }
        }

        if (abandoned is not null)
        {
            // The scope, the response buffer and the deadline token stay the handler's until it finishes.
            _ = ObserveAbandonedAsync(abandoned, context, abandonedAt);
        }
        else
        {
            try
            {
                await context.ReleaseAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Disposing scoped services failed after the function answered: the invocation still fails, once.
                error ??= ex;
            }
        }

        if (error is null)
        {
            return InvocationResult.Success(context.OutputContentType);
        }
        FaaSError report = FaaSErrorFactory.FromException(error);
        _logger.Error(error, "Invocation {RequestId} failed with {ErrorType}", invocation.RequestId, report.ErrorType);
        return abandoned is null ? InvocationResult.Failure(report) : InvocationResult.AbandonedFailure(report);
    }

    /// <summary>Handlers answered with <c>Function.Timeout</c> that have not finished yet.</summary>
    public int AbandonedHandlers => Volatile.Read(ref _abandoned);

    /// <summary>How long to wait for a pending handler: until its deadline, then the grace; capped at what a timer takes.</summary>
    private TimeSpan AbandonAfter(FaaSContext context)
    {
        TimeSpan wait = context.RemainingTime + DeadlineGrace;
        return wait < MaxTimerWait ? wait : MaxTimerWait;
    }

    /// <summary>
    /// Waits for a handler the invocation was answered without, drops what it produces (saying so) and only then
    /// releases the invocation's scope and buffers. Never throws: nothing of it goes unobserved.
    /// </summary>
    private async Task ObserveAbandonedAsync(Task handler, FaaSContext context, long abandonedAt)
    {
        try
        {
            await handler.ConfigureAwait(false);
            _logger.Warning("The abandoned handler of invocation {RequestId} ({Function}) finished {LateMs:F0} ms after the invocation was answered "
                + "with {ErrorType}; its result is dropped", context.RequestId, context.HandlerName,
                Stopwatch.GetElapsedTime(abandonedAt).TotalMilliseconds, ErrorTypes.Timeout);
        }
        catch (Exception ex)
        {
            _logger.Warning(ex, "The abandoned handler of invocation {RequestId} ({Function}) failed {LateMs:F0} ms after the invocation was answered "
                + "with {ErrorType}; the failure is dropped", context.RequestId, context.HandlerName,
                Stopwatch.GetElapsedTime(abandonedAt).TotalMilliseconds, ErrorTypes.Timeout);
        }
        finally
        {
            Interlocked.Decrement(ref _abandoned);
        }
        try
        {
            await context.ReleaseAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.Warning(ex, "Releasing the abandoned invocation {RequestId} failed", context.RequestId);
        }
    }

    /// <summary>
    /// Close: runs the Close hooks and disposes the function, within <paramref name="budget"/>. Never throws;
    /// returns the failures it logged (empty when all went well).
    /// </summary>
    public async Task<IReadOnlyList<Exception>> CloseAsync(string reason, TimeSpan budget)
    {
        var failures = new List<Exception>();
        if (Interlocked.Exchange(ref _state, 3) == 3)
        {
            return failures;
        }
        long started = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource(budget);
        CancellationToken token = timeout.Token;
        var context = new CloseContext(_function, reason, DateTimeOffset.UtcNow + budget, _logger);
        try
        {
            await _shutdown.CancelAsync().ConfigureAwait(false);
        }
        catch (AggregateException ex)
        {
            // A callback registered on an invocation's token threw; Close goes on regardless.
            failures.Add(ex);
        }

        foreach (RuntimeHook hook in Hooks(HookPhases.BeforeClose, reverse: true))
        {
            await RunCloseStep($"hook '{hook.Name}' (BeforeClose)", () => hook.BeforeCloseAsync(context, token), token, failures).ConfigureAwait(false);
        }
        foreach (IFunctionHandler owned in _handlers)
        {
            if (owned is IAsyncDisposable asyncHandler)
            {
                await RunCloseStep("handler", () => asyncHandler.DisposeAsync(), token, failures).ConfigureAwait(false);
            }
            else if (owned is IDisposable handler)
            {
                await RunCloseStep("handler", () => { handler.Dispose(); return default; }, token, failures).ConfigureAwait(false);
            }
        }
        if (_services is { } services)
        {
            await RunCloseStep("services", () => services.DisposeAsync(), token, failures).ConfigureAwait(false);
        }
        foreach (RuntimeHook hook in Hooks(HookPhases.AfterClose, reverse: false))
        {
            await RunCloseStep($"hook '{hook.Name}' (AfterClose)", () => hook.AfterCloseAsync(context, token), token, failures).ConfigureAwait(false);
        }

        if (failures.Count > 0)
        {
            _logger.Error(new AggregateException(failures), "Close ({Reason}) finished with {FailureCount} failure(s)", reason, failures.Count);
        }
        else
        {
            _logger.Debug("Close ({Reason}) done in {ElapsedMs:F2} ms", reason, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return failures;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_state != 3 && _services is { } services)
        {
            await services.DisposeAsync().ConfigureAwait(false);
        }
        _shutdown.Dispose();
    }

    /// <summary>Layers' hooks (stacking order) before the function's own (registration order); reversed for after-hooks.</summary>
    private RuntimeHook[] Hooks(HookPhases phase, bool reverse)
    {
        var list = new List<RuntimeHook>();
        foreach (RuntimeHook hook in _layerHooks)
        {
            if ((hook.Phases & phase) != 0)
            {
                list.Add(hook);
            }
        }
        list.AddRange(_builder.Hooks.For(phase, reverse: false));
        if (reverse)
        {
            list.Reverse();
        }
        return list.ToArray();
    }

    /// <summary>Configures every layer, in stacking order, and collects its hooks, middleware and handler.</summary>
    private void ApplyLayers()
    {
        List<(FaaSLayer Layer, LayerOptions Options)> ordered = _builder.Layers.Ordered();
        if (ordered.Count == 0)
        {
            return;
        }
        var seen = new Dictionary<string, LayerOptions>(StringComparer.Ordinal);
        var stack = new List<string>(ordered.Count);
        foreach ((FaaSLayer layer, LayerOptions options) in ordered)
        {
            string name = layer.Name;
            if (seen.TryGetValue(name, out LayerOptions? first))
            {
                throw new LifecyclePhaseException(LifecyclePhase.RuntimeStart, $"layer '{name}'", new InvalidOperationException(
                    $"Two layers are named '{name}' ({first.Source ?? "compiled in"} and {options.Source ?? "compiled in"}); layer names must be unique."));
            }
            seen.Add(name, options);
            ILogger layerLogger = _logger.ForContext("Layer", name);
            var context = new LayerContext(name, new LayerSettings(name, options.Settings, _environment), _builder.Services, _function, layerLogger);
            try
            {
                layer.Configure(context);
                if (context.Handler is { } factory && _layerHandler is { } other)
                {
                    throw new InvalidOperationException($"Layer '{name}' wants to be the handler, but layer '{other.Layer}' already is.");
                }
            }
            catch (Exception ex) when (options.Failure == LayerFailurePolicy.Open)
            {
                // The manifest lets this layer fail alone: leave it out and say so.
                _logger.Error(ex, "Layer {Layer} failed to start and is left out (failure: open)", name);
                continue;
            }
            catch (Exception ex)
            {
                throw new LifecyclePhaseException(LifecyclePhase.RuntimeStart, $"layer '{name}'", ex);
            }
            foreach (RuntimeHook hook in context.Hooks)
            {
                _layerHooks.Add(new LayerHook(name, hook, options, layerLogger));
            }
            foreach (Func<InvokeDelegate, InvokeDelegate> middleware in context.Middleware)
            {
                _layerMiddleware.Add(options.Failure == LayerFailurePolicy.Open ? LayerMiddleware.FailOpen(name, middleware, layerLogger) : middleware);
            }
            if (context.Handler is { } handler)
            {
                _layerHandler = (name, handler);
            }
            stack.Add($"{name}{(options.Version is null ? "" : " " + options.Version)} (order {options.Order}, {options.Source ?? "compiled in"}, failure {options.Failure.ToString().ToLowerInvariant()})");
        }
        LayerStack = string.Join("; ", stack);
        if (LogLayerStackAtStart)
        {
            LogLayers(_logger, LayerStack);
        }
    }

    /// <summary>The start-up log line naming the layer stack.</summary>
    public static void LogLayers(ILogger logger, string stack)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.Information("Layers, outermost first: {Layers}", stack);
    }

    private void Transition(int from, int to, string method)
    {
        if (Interlocked.CompareExchange(ref _state, to, from) != from)
        {
            throw new InvalidOperationException($"{method} was called out of order (state {_state}).");
        }
    }

    private static async ValueTask RunStartHook(LifecyclePhase phase, RuntimeHook hook, Func<RuntimeHook, ValueTask> step)
    {
        try
        {
            await step(hook).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw new LifecyclePhaseException(phase, $"hook '{hook.Name}'", ex);
        }
    }

    private static async ValueTask RunCloseStep(string source, Func<ValueTask> step, CancellationToken token, List<Exception> failures)
    {
        try
        {
            await step().AsTask().WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            failures.Add(new TimeoutException($"Close: {source} did not finish within the grace period."));
        }
        catch (Exception ex)
        {
            failures.Add(new LifecyclePhaseException(LifecyclePhase.Close, source, ex));
        }
    }
}
