using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Functions;
using Runtime.Engine.Layers;
using Runtime.Engine.Lifecycle;
using Serilog;

namespace ProbeLayer;

/// <summary>
/// Settings: <c>silent</c>=true gives hooks for every phase that do nothing (for benchmarks); <c>throwIn</c>, <c>hangIn</c> and <c>crashIn</c> (the process dies, as a native crash would) name a phase (BeforeInvoke, AfterFunctionStart, ...) or <c>Configure</c>;
/// <c>handler</c>=true makes it the handler (answers <c>probe:</c> + the event, or an HTTP 200 "probe &lt;path&gt;").
/// Every phase logs "probe {name} {phase}". The layer takes the name its manifest gives it (default probe).
/// </summary>
public sealed class Probe : FaaSLayer
{
    private readonly string _name = Runtime.Engine.Layers.Native.NativeLayerExports.RequestedName ?? "probe";

    public override string Name => _name;

    public override void Configure(LayerContext context)
    {
        bool silent = context.Settings.GetBool("silent", false);
        string? throwIn = context.Settings.Get("throwIn");
        string? hangIn = context.Settings.Get("hangIn");
        string? crashIn = context.Settings.Get("crashIn");
        if (throwIn == "Configure")
        {
            throw new InvalidOperationException("probe fails in Configure");
        }
        if (silent)
        {
            // Hooks that do nothing, for measuring what a layer costs by itself.
            context.AddHook(new SilentHook(context.Name));
            return;
        }
        context.Logger.Information("probe {Layer} Configure", context.Name);
        context.AddHook(new ProbeHook(context.Name, context.Logger, throwIn, hangIn, crashIn));
        if (context.Settings.GetBool("handler", false))
        {
            context.UseHandler(static _ => new ProbeHandler());
        }
    }

    private sealed class ProbeHook : RuntimeHook
    {
        private readonly ILogger _logger;
        private readonly string? _throwIn;
        private readonly string? _hangIn;
        private readonly string? _crashIn;

        public ProbeHook(string name, ILogger logger, string? throwIn, string? hangIn, string? crashIn)
            : base(name, HookPhases.All)
        {
            _logger = logger;
            _throwIn = throwIn;
            _hangIn = hangIn;
            _crashIn = crashIn;
        }

        public override ValueTask BeforeRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) => Step("BeforeRuntimeStart");

        public override ValueTask AfterRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) => Step("AfterRuntimeStart");

        public override ValueTask BeforeFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) => Step("BeforeFunctionStart");

        public override ValueTask AfterFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) => Step("AfterFunctionStart");

        public override ValueTask BeforeInvokeAsync(FaaSContext context) => Step("BeforeInvoke", context.RequestId);

        public override ValueTask AfterInvokeAsync(FaaSContext context, Exception? error) => Step("AfterInvoke", context.RequestId
            + " after " + System.Diagnostics.Stopwatch.GetElapsedTime(context.StartTimestamp).TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " ms"
            + (error is null ? "" : " saw " + error.Message));

        public override ValueTask BeforeCloseAsync(CloseContext context, CancellationToken cancellationToken) => Step("BeforeClose");

        public override ValueTask AfterCloseAsync(CloseContext context, CancellationToken cancellationToken) => Step("AfterClose");

        private ValueTask Step(string phase, string? detail = null)
        {
            _logger.Information("probe {Layer} {Phase} {Detail}", Name, phase, detail ?? string.Empty);
            if (phase == _crashIn)
            {
                Environment.FailFast($"probe crashes in {phase}");
            }
            if (phase == _throwIn)
            {
                throw new InvalidOperationException($"probe fails in {phase}");
            }
            return phase == _hangIn ? new ValueTask(Task.Delay(Timeout.Infinite)) : default;
        }
    }

    private sealed class SilentHook : RuntimeHook
    {
        public SilentHook(string name)
            : base(name, HookPhases.All)
        {
        }
    }

    private sealed class ProbeHandler : IFunctionHandler
    {
        public ValueTask InvokeAsync(FaaSContext context)
        {
            if (context.TryGetRequest(out Runtime.Engine.Http.FaaSRequest? request))
            {
                context.Response.StatusCode = 200;
                context.Response.ContentType = "text/plain";
                context.Response.Headers.Add("X-Probe", "1");
                context.Response.Write("probe " + request.Method + " " + request.Path);
                context.EncodeHttpResponse();
                return default;
            }
            context.Output.Write("probe:"u8);
            context.Output.Write(context.Event.Span);
            return default;
        }
    }
}
