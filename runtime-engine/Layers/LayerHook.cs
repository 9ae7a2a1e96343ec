using System;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Lifecycle;
using Serilog;

namespace Runtime.Engine.Layers;

/// <summary>
/// A layer's hook as the engine runs it: bounded by the layer's time limit, and under its failure policy. Closed:
/// the failure (or the time-out) propagates, named after the layer. Open: it is logged at Error, naming the layer,
/// and the phase goes on without it, which is what the layer's manifest asked for. A hook that finishes
/// synchronously costs one extra call and nothing else.
/// </summary>
internal sealed class LayerHook : RuntimeHook
{
    private readonly RuntimeHook _inner;
    private readonly LayerOptions _options;
    private readonly ILogger _logger;

    public LayerHook(string layerName, RuntimeHook inner, LayerOptions options, ILogger logger)
        : base(inner.Name == layerName ? layerName : layerName + ":" + inner.Name, inner.Phases)
    {
        LayerName = layerName;
        _inner = inner;
        _options = options;
        _logger = logger;
    }

    public string LayerName { get; }

    public override ValueTask BeforeRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) =>
        Guard(nameof(BeforeRuntimeStartAsync), Call(() => _inner.BeforeRuntimeStartAsync(context, cancellationToken)));

    public override ValueTask AfterRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) =>
        Guard(nameof(AfterRuntimeStartAsync), Call(() => _inner.AfterRuntimeStartAsync(context, cancellationToken)));

    public override ValueTask BeforeFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) =>
        Guard(nameof(BeforeFunctionStartAsync), Call(() => _inner.BeforeFunctionStartAsync(context, cancellationToken)));

    public override ValueTask AfterFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) =>
        Guard(nameof(AfterFunctionStartAsync), Call(() => _inner.AfterFunctionStartAsync(context, cancellationToken)));

    // The invoke phases run on every invocation: called without a closure, so a hook that finishes synchronously
    // costs no allocation here.
    public override ValueTask BeforeInvokeAsync(FaaSContext context)
    {
        ValueTask running;
        try
        {
            running = _inner.BeforeInvokeAsync(context);
        }
        catch (Exception ex)
        {
            running = ValueTask.FromException(ex);
        }
        return Guard(nameof(BeforeInvokeAsync), running);
    }

    public override ValueTask AfterInvokeAsync(FaaSContext context, Exception? error)
    {
        ValueTask running;
        try
        {
            running = _inner.AfterInvokeAsync(context, error);
        }
        catch (Exception ex)
        {
            running = ValueTask.FromException(ex);
        }
        return Guard(nameof(AfterInvokeAsync), running);
    }

    public override ValueTask BeforeCloseAsync(CloseContext context, CancellationToken cancellationToken) =>
        Guard(nameof(BeforeCloseAsync), Call(() => _inner.BeforeCloseAsync(context, cancellationToken)));

    public override ValueTask AfterCloseAsync(CloseContext context, CancellationToken cancellationToken) =>
        Guard(nameof(AfterCloseAsync), Call(() => _inner.AfterCloseAsync(context, cancellationToken)));

    /// <summary>Runs the hook, turning a synchronous throw into a faulted task so one path handles both.</summary>
    private static ValueTask Call(Func<ValueTask> hook)
    {
        try
        {
            return hook();
        }
        catch (Exception ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    private ValueTask Guard(string step, ValueTask running)
    {
        if (running.IsCompletedSuccessfully)
        {
            return default;
        }
        return Slow(step, running);
    }

    private async ValueTask Slow(string step, ValueTask running)
    {
        try
        {
            await running.AsTask().WaitAsync(_options.HookTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var timeout = new TimeoutException($"Layer '{LayerName}' did not finish {step} within {_options.HookTimeout.TotalMilliseconds:F0} ms.");
            if (_options.Failure == LayerFailurePolicy.Closed)
            {
                throw timeout;
            }
            _logger.Error(timeout, "Layer {Layer} timed out in {Step}; going on without it (failure: open)", LayerName, step);
        }
        catch (Exception ex) when (_options.Failure == LayerFailurePolicy.Open)
        {
            // The manifest says this layer may fail without failing the function: report it and go on.
            _logger.Error(ex, "Layer {Layer} failed in {Step}; going on without it (failure: open)", LayerName, step);
        }
    }
}
