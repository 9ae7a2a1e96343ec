using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Functions;
using Runtime.Engine.Http;
using Runtime.Engine.Lifecycle;
using Serilog;
using Serilog.Events;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// Inside a native layer library: the one layer it serves, configured from the manifest the bootstrap sent, with its
/// own services (this library has its own runtime), its hooks by phase, and its handler if it is one. Hooks and the
/// handler run to completion on the calling thread (the ABI is synchronous), each bounded by the layer's time limit.
/// Init does only what the layer's Configure needs: the logger's pipeline and the service container are built when
/// first used (<see cref="DeferredLogger"/>, <see cref="DeferredServiceProvider"/>), as each costs a layer's cold start
/// measurably and most hook layers use neither (docs/benchmarks.md, Layers).
/// </summary>
internal sealed unsafe class NativeLayerInstance
{
    /// <summary>
    /// The output an invoke hook's context is given (hooks write no output; the context needs somewhere to put it). One
    /// per thread, reset per call, so a hook call allocates no buffer.
    /// </summary>
    [ThreadStatic]
    private static PooledBufferWriter? s_scratch;

    private readonly FaaSLayer _layer;
    private readonly FunctionInfo _function;
    private readonly ILogger _logger;
    private readonly IServiceCollection _services;
    private readonly DeferredServiceProvider _provider;
    private readonly RuntimeHook[] _hooks;
    private readonly IFunctionHandler? _handler;
    private readonly TimeSpan _timeout;

    private NativeLayerInstance(FaaSLayer layer, FunctionInfo function, ILogger logger, IServiceCollection services, DeferredServiceProvider provider,
        RuntimeHook[] hooks, IFunctionHandler? handler, TimeSpan timeout)
    {
        _layer = layer;
        _function = function;
        _logger = logger;
        _services = services;
        _provider = provider;
        _hooks = hooks;
        _handler = handler;
        _timeout = timeout;
    }

    /// <summary>Whether the logger's pipeline has been built (it is built on the first event the host's level lets through).</summary>
    internal bool LoggerCreated => ((DeferredLogger)_logger).IsCreated;

    /// <summary>Whether the layer's service container has been built (it is built on the first request for a service).</summary>
    internal bool ServicesCreated => _provider.IsCreated;

    public static NativeLayerInstance Create(Func<FaaSLayer> factory, ReadOnlySpan<byte> manifestJson, delegate* unmanaged<int, byte*, int, void> log)
    {
        InitManifest manifest = InitManifest.Parse(manifestJson);
        string? requested = manifest.Name;
        NativeLayerExports.RequestedName = requested;
        FaaSLayer layer = factory();
        string expected = requested ?? layer.Name;
        if (!string.Equals(expected, layer.Name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"This library serves layer '{layer.Name}', but its manifest names '{expected}'.");
        }
        var info = new FunctionInfo(
            manifest.FunctionName ?? "function",
            manifest.FunctionVersion ?? "latest",
            (int)manifest.FunctionMemoryMb,
            manifest.FunctionHandler,
            manifest.FunctionPlatform ?? "unknown");
        long timeoutMs = manifest.HookTimeoutMs;
        string name = layer.Name;
        LogEventLevel minimum = manifest.LogLevel;
        ILogger logger = new DeferredLogger(
            () => new LoggerConfiguration().MinimumLevel.Is(minimum).WriteTo.Sink(new HostLogSink(log, name)).CreateLogger().ForContext("Layer", name),
            minimum);

        var services = new ServiceCollection();
        var context = new LayerContext(name, new LayerSettings(name, manifest.Settings, Environment.GetEnvironmentVariable), services, info, logger);
        layer.Configure(context);
        if (context.Middleware.Count > 0)
        {
            throw new NotSupportedException(
                $"Layer '{layer.Name}' registers invoke middleware, which a native layer cannot carry (layer ABI {NativeAbi.Version}); use hooks, or compile the layer in.");
        }
        services.AddSingleton(info);
        services.AddSingleton(logger);
        var provider = new DeferredServiceProvider(services);
        IFunctionHandler? handler = context.Handler?.Invoke(provider);
        var hooks = new RuntimeHook[context.Hooks.Count];
        for (int i = 0; i < hooks.Length; i++)
        {
            hooks[i] = context.Hooks[i];
        }
        return new NativeLayerInstance(layer, info, logger, services, provider, hooks, handler,
            timeoutMs > 0 ? TimeSpan.FromMilliseconds(timeoutMs) : TimeSpan.FromSeconds(2));
    }

    /// <summary><c>{"name","phases","handler"}</c>: what the bootstrap needs to call this layer.</summary>
    public byte[] Describe()
    {
        HookPhases phases = HookPhases.None;
        foreach (RuntimeHook hook in _hooks)
        {
            phases |= hook.Phases;
        }
        using var buffer = new PooledBufferWriter(256);
        using (Utf8JsonWriter writer = NativeMessages.Writer(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, _layer.Name);
            writer.WriteNumber("phases"u8, (int)phases);
            writer.WriteBoolean("handler"u8, _handler is not null);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public void RunHooks(int phase, ReadOnlySpan<byte> json)
    {
        var which = (HookPhases)phase;
        HookMessage message = HookMessage.Parse(json);
        bool after = which is HookPhases.AfterRuntimeStart or HookPhases.AfterFunctionStart or HookPhases.AfterInvoke or HookPhases.BeforeClose;
        FaaSContext? invocation = null;
        Exception? error = message.Error is { } failure ? new NativeLayerException(failure) : null;
        if (which is HookPhases.BeforeInvoke or HookPhases.AfterInvoke)
        {
            PooledBufferWriter scratch = s_scratch ??= new PooledBufferWriter(16);
            scratch.Reset();
            invocation = new FaaSContext(new Invocation
            {
                RequestId = message.RequestId ?? string.Empty,
                Deadline = NativeMessages.FromUnixMs(message.DeadlineMs),
                TraceId = message.TraceId,
                Output = scratch,
                StartTimestamp = NativeMessages.FromMonotonicNs(message.StartedNs),
            }, _function, _layer.Name, _logger, _provider, message.ColdStart, CancellationToken.None);
        }
        try
        {
            for (int n = 0; n < _hooks.Length; n++)
            {
                RuntimeHook hook = _hooks[after ? _hooks.Length - 1 - n : n];
                if ((hook.Phases & which) == 0)
                {
                    continue;
                }
                ValueTask running = which switch
                {
                    HookPhases.BeforeRuntimeStart => hook.BeforeRuntimeStartAsync(new RuntimeStartContext(_function, _services, _logger), CancellationToken.None),
                    HookPhases.AfterRuntimeStart => hook.AfterRuntimeStartAsync(new RuntimeStartContext(_function, _services, _logger), CancellationToken.None),
                    HookPhases.BeforeFunctionStart => hook.BeforeFunctionStartAsync(new FunctionStartContext(_function, _layer.Name, _provider, _logger), CancellationToken.None),
                    HookPhases.AfterFunctionStart => hook.AfterFunctionStartAsync(new FunctionStartContext(_function, _layer.Name, _provider, _logger), CancellationToken.None),
                    HookPhases.BeforeInvoke => hook.BeforeInvokeAsync(invocation!),
                    HookPhases.AfterInvoke => hook.AfterInvokeAsync(invocation!, error),
                    HookPhases.BeforeClose => hook.BeforeCloseAsync(Close(message), CancellationToken.None),
                    HookPhases.AfterClose => hook.AfterCloseAsync(Close(message), CancellationToken.None),
                    _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Not a hook phase."),
                };
                Complete(running, which);
            }
        }
        finally
        {
            if (invocation is not null)
            {
                Complete(invocation.ReleaseAsync(), "release");
            }
        }
        if (which == HookPhases.AfterClose)
        {
            (_handler as IDisposable)?.Dispose();
            _provider.Dispose();
        }
    }

    /// <summary>Runs the handler on one invocation and writes the framed answer (docs/layer-abi.md).</summary>
    public void Invoke(byte[] message, PooledBufferWriter answer)
    {
        IFunctionHandler handler = _handler ?? throw new InvalidOperationException($"Layer '{_layer.Name}' is not a handler layer.");
        (ReadOnlyMemory<byte> json, ReadOnlyMemory<byte> body) = NativeMessages.ReadFramed(message);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        MessageHttpCodec? codec = null;
        if (root.TryGetProperty("http", out JsonElement http) && http.ValueKind == JsonValueKind.Object)
        {
            var request = new FaaSRequest(NativeMessages.Text(http, "shape") ?? "native", NativeMessages.Text(http, "method") ?? "GET",
                NativeMessages.Text(http, "path") ?? "/")
            {
                RawQueryString = NativeMessages.Text(http, "rawQuery"),
                ClientIp = NativeMessages.Text(http, "clientIp"),
                Body = body,
            };
            NativeMessages.ReadPairs(http, "query", request.Query);
            NativeMessages.ReadPairs(http, "headers", request.Headers);
            var parameters = new MultiMap(ignoreCase: false);
            NativeMessages.ReadPairs(http, "pathParameters", parameters);
            foreach ((string name, string value) in parameters)
            {
                request.PathParameters[name] = value;
            }
            codec = new MessageHttpCodec(request);
        }
        using var output = new PooledBufferWriter(4096);
        var context = new FaaSContext(new Invocation
        {
            RequestId = NativeMessages.Text(root, "requestId") ?? string.Empty,
            Deadline = NativeMessages.FromUnixMs(NativeMessages.Number(root, "deadlineMs")),
            TraceId = NativeMessages.Text(root, "traceId"),
            ContentType = NativeMessages.Text(root, "contentType"),
            Payload = body,
            HttpCodec = codec,
            Output = output,
        }, _function, _layer.Name, _logger, _provider, NativeMessages.Flag(root, "coldStart"), CancellationToken.None);
        FaaSError? failure = null;
        try
        {
            ValueTask running = handler.InvokeAsync(context);
            if (!running.IsCompletedSuccessfully)
            {
                // The ABI call is synchronous: this thread waits for the handler (its continuations run on this
                // library's own thread pool).
                running.AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception ex)
        {
            failure = FaaSErrorFactory.FromException(ex);
        }
        finally
        {
            Complete(context.ReleaseAsync(), "release");
        }
        FaaSResponse? response = codec?.Response;
        NativeMessages.WriteFramed(answer, writer =>
        {
            writer.WriteStartObject();
            if (failure is not null)
            {
                writer.WriteString("kind"u8, "error");
                NativeMessages.WriteError(writer, failure);
            }
            else if (response is not null)
            {
                writer.WriteString("kind"u8, "http");
                writer.WriteNumber("status"u8, response.StatusCode);
                NativeMessages.WritePairs(writer, "headers"u8, response.Headers);
                writer.WriteStartArray("cookies"u8);
                foreach (string cookie in response.Cookies)
                {
                    writer.WriteStringValue(cookie);
                }
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteString("kind"u8, "output");
                if (context.OutputContentType is { } type)
                {
                    writer.WriteString("contentType"u8, type);
                }
            }
            writer.WriteEndObject();
        }, failure is null ? output.WrittenSpan : default);
    }

    private CloseContext Close(in HookMessage message) =>
        new(_function, message.Reason ?? "close", NativeMessages.FromUnixMs(message.DeadlineMs), _logger);

    /// <summary>Waits for a hook of <paramref name="phase"/>; the phase is named only if it runs late.</summary>
    private void Complete(ValueTask running, HookPhases phase)
    {
        if (!running.IsCompletedSuccessfully)
        {
            Wait(running, phase.ToString());
        }
    }

    private void Complete(ValueTask running, string step)
    {
        if (!running.IsCompletedSuccessfully)
        {
            Wait(running, step);
        }
    }

    private void Wait(ValueTask running, string step)
    {
        try
        {
            running.AsTask().WaitAsync(_timeout).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Layer '{_layer.Name}' did not finish {step} within {_timeout.TotalMilliseconds:F0} ms.");
        }
    }
}
