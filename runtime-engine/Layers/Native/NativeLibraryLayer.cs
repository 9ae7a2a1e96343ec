using System;
using System.Buffers;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine.Buffers;
using Runtime.Engine.Errors;
using Runtime.Engine.Functions;
using Runtime.Engine.Http;
using Runtime.Engine.Lifecycle;
using Serilog;
using Serilog.Events;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// The bootstrap's side of a native layer: a shared library (a native-AOT layer build) loaded with
/// <see cref="NativeLibrary"/>, whose C ABI (docs/layer-abi.md) is called through function pointers. To the engine it is
/// an ordinary <see cref="FaaSLayer"/>: its hooks become one <see cref="RuntimeHook"/> for the phases the library
/// declared, and a handler library becomes the function's handler.
/// </summary>
public sealed unsafe class NativeLibraryLayer : FaaSLayer
{
    private static ILogger? s_hostLogger;

    /// <summary>
    /// The hook context being written on this thread, and its writer: hooks are called twice per invocation, so the
    /// message is built in a buffer and a writer kept per thread (calls may come from any thread, concurrently).
    /// </summary>
    [ThreadStatic]
    private static PooledBufferWriter? s_message;

    [ThreadStatic]
    private static Utf8JsonWriter? s_writer;

    private readonly string _name;
    private readonly string _path;
    private readonly LayerOptions _options;
    private IntPtr _library;
    private delegate* unmanaged<int, byte*, int, NativeBuffer*, int> _hook;
    private delegate* unmanaged<byte*, int, NativeBuffer*, NativeBuffer*, int> _invoke;
    private delegate* unmanaged<byte*, void> _free;

    private NativeLibraryLayer(string name, string path, LayerOptions options)
    {
        _name = name;
        _path = path;
        _options = options;
    }

    /// <inheritdoc />
    public override string Name => _name;

    /// <summary>How long <see cref="NativeLibrary.Load(string)"/> took.</summary>
    public TimeSpan LoadTime { get; private init; }

    /// <summary>How long the library's first call took (its own runtime starting).</summary>
    public TimeSpan RuntimeStartTime { get; private set; }

    /// <summary>
    /// Loads <paramref name="path"/> and checks its ABI version. Throws <see cref="LayerLoadException"/> naming the layer
    /// when the file is missing, is not a loadable library, lacks an export, or speaks another ABI version.
    /// </summary>
    public static NativeLibraryLayer Load(string name, string path, LayerOptions options)
    {
        if (!File.Exists(path))
        {
            throw new LayerLoadException(name, $"its library '{path}' does not exist.");
        }
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        IntPtr library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (DllNotFoundException ex)
        {
            throw new LayerLoadException(name, $"its library '{path}' cannot be loaded: {ex.Message}", ex);
        }
        catch (BadImageFormatException ex)
        {
            throw new LayerLoadException(name, $"its library '{path}' is not a shared library for this machine: {ex.Message}", ex);
        }
        var layer = new NativeLibraryLayer(name, path, options) { _library = library, LoadTime = System.Diagnostics.Stopwatch.GetElapsedTime(started) };
        var version = (delegate* unmanaged<int>)Export(name, library, NativeAbi.AbiVersionExport);
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        int abi = version(); // the library's runtime starts on its first call
        layer.RuntimeStartTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (abi != NativeAbi.Version)
        {
            NativeLibrary.Free(library);
            throw new LayerLoadException(name, $"its library speaks layer ABI version {abi}; this bootstrap speaks version {NativeAbi.Version}.");
        }
        layer._hook = (delegate* unmanaged<int, byte*, int, NativeBuffer*, int>)Export(name, library, NativeAbi.HookExport);
        layer._invoke = (delegate* unmanaged<byte*, int, NativeBuffer*, NativeBuffer*, int>)Export(name, library, NativeAbi.InvokeExport);
        layer._free = (delegate* unmanaged<byte*, void>)Export(name, library, NativeAbi.FreeExport);
        return layer;
    }

    /// <inheritdoc />
    public override void Configure(LayerContext context)
    {
        s_hostLogger ??= context.Logger;
        var init = (delegate* unmanaged<byte*, int, delegate* unmanaged<int, byte*, int, void>, NativeBuffer*, NativeBuffer*, int>)
            Export(_name, _library, NativeAbi.InitExport);
        using var manifest = new PooledBufferWriter(1024);
        using (Utf8JsonWriter writer = NativeMessages.Writer(manifest))
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, _name);
            writer.WriteNumber("hookTimeoutMs"u8, (long)_options.HookTimeout.TotalMilliseconds);
            // The library's logger drops what the host would drop, so such events cost neither side anything.
            writer.WriteNumber("logLevel"u8, MinimumLevel(context.Logger));
            writer.WriteStartObject("settings"u8);
            foreach ((string key, string value) in _options.Settings)
            {
                writer.WriteString(key, value);
            }
            writer.WriteEndObject();
            writer.WriteStartObject("function"u8);
            writer.WriteString("name"u8, context.Function.Name);
            writer.WriteString("version"u8, context.Function.Version);
            writer.WriteNumber("memoryMb"u8, context.Function.MemoryLimitMb);
            writer.WriteString("handler"u8, context.Function.Handler);
            writer.WriteString("platform"u8, context.Function.Platform);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        NativeBuffer info = default;
        NativeBuffer error = default;
        int result;
        long initStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        fixed (byte* bytes = manifest.WrittenSpan)
        {
            result = init(bytes, manifest.WrittenCount, &HostLog, &info, &error);
        }
        Check(result, error, "init");
        if (context.Logger.IsEnabled(LogEventLevel.Debug))
        {
            context.Logger.Debug("Layer {Layer}: library loaded in {LoadMs:F2} ms, its runtime started in {RuntimeMs:F2} ms, initialised in {InitMs:F2} ms",
                _name, LoadTime.TotalMilliseconds, RuntimeStartTime.TotalMilliseconds, System.Diagnostics.Stopwatch.GetElapsedTime(initStarted).TotalMilliseconds);
        }
        HookPhases phases;
        bool handler;
        try
        {
            using JsonDocument described = JsonDocument.Parse(new ReadOnlySpan<byte>(info.Pointer, info.Length).ToArray());
            phases = (HookPhases)(int)NativeMessages.Number(described.RootElement, "phases");
            handler = NativeMessages.Flag(described.RootElement, "handler");
        }
        finally
        {
            _free(info.Pointer);
        }
        if (phases != HookPhases.None)
        {
            context.AddHook(new NativeHook(this, phases));
        }
        if (handler)
        {
            context.UseHandler(_ => new NativeHandler(this));
        }
    }

    private static IntPtr Export(string name, IntPtr library, string export) =>
        NativeLibrary.TryGetExport(library, export, out IntPtr address)
            ? address
            : throw new LayerLoadException(name, $"its library does not export '{export}'; is it a layer built with layers/Layer.props?");

    /// <summary>The lowest level <paramref name="logger"/> writes, or one above Fatal when it writes nothing.</summary>
    private static int MinimumLevel(ILogger logger)
    {
        for (LogEventLevel level = LogEventLevel.Verbose; level <= LogEventLevel.Fatal; level++)
        {
            if (logger.IsEnabled(level))
            {
                return (int)level;
            }
        }
        return (int)LogEventLevel.Fatal + 1;
    }

    private void Check(int result, NativeBuffer error, HookPhases phase)
    {
        if (result != NativeAbi.Ok)
        {
            Fail(result, error, phase.ToString());
        }
    }

    private void Check(int result, NativeBuffer error, string call)
    {
        if (result != NativeAbi.Ok)
        {
            Fail(result, error, call);
        }
    }

    private void Fail(int result, NativeBuffer error, string call)
    {
        if (result == NativeAbi.Misuse || error.Pointer == null)
        {
            throw new LayerLoadException(_name, $"its library refused '{call}' (code {result}).");
        }
        FaaSError report;
        try
        {
            using JsonDocument document = JsonDocument.Parse(new ReadOnlySpan<byte>(error.Pointer, error.Length).ToArray());
            report = NativeMessages.ReadError(document.RootElement);
        }
        finally
        {
            _free(error.Pointer);
        }
        throw new NativeLayerException(report);
    }

    /// <summary>Starts a hook context in this thread's buffer.</summary>
    private static Utf8JsonWriter StartMessage()
    {
        PooledBufferWriter message = s_message ??= new PooledBufferWriter(256);
        message.Reset();
        Utf8JsonWriter writer = s_writer ??= NativeMessages.Writer(message);
        writer.Reset(message);
        writer.WriteStartObject();
        return writer;
    }

    /// <summary>Ends the context <see cref="StartMessage"/> began and calls the library's hooks for <paramref name="phase"/> with it.</summary>
    private void SendMessage(HookPhases phase, Utf8JsonWriter writer)
    {
        writer.WriteEndObject();
        writer.Flush();
        PooledBufferWriter message = s_message!;
        NativeBuffer error = default;
        int result;
        fixed (byte* bytes = message.WrittenSpan)
        {
            result = _hook((int)phase, bytes, message.WrittenCount, &error);
        }
        Check(result, error, phase);
    }

    private void CallHook(HookPhases phase) => SendMessage(phase, StartMessage());

    private void CallInvokeHook(HookPhases phase, FaaSContext context, Exception? error)
    {
        Utf8JsonWriter writer = StartMessage();
        writer.WriteString("requestId"u8, context.RequestId);
        writer.WriteNumber("deadlineMs"u8, NativeMessages.ToUnixMs(context.Deadline));
        if (context.TraceId is { } trace)
        {
            writer.WriteString("traceId"u8, trace);
        }
        writer.WriteBoolean("coldStart"u8, context.IsColdStart);
        writer.WriteNumber("startedNs"u8, NativeMessages.ToMonotonicNs(context.StartTimestamp));
        if (error is not null)
        {
            NativeMessages.WriteError(writer, FaaSErrorFactory.FromException(error));
        }
        SendMessage(phase, writer);
    }

    private void CallCloseHook(HookPhases phase, CloseContext context)
    {
        Utf8JsonWriter writer = StartMessage();
        writer.WriteString("reason"u8, context.Reason);
        writer.WriteNumber("deadlineMs"u8, NativeMessages.ToUnixMs(context.Deadline));
        SendMessage(phase, writer);
    }

    private void Invoke(FaaSContext context)
    {
        using var message = new PooledBufferWriter(4096);
        FaaSRequest? request = context.TryGetRequest(out FaaSRequest? r) ? r : null;
        NativeMessages.WriteFramed(message, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("requestId"u8, context.RequestId);
            writer.WriteNumber("deadlineMs"u8, NativeMessages.ToUnixMs(context.Deadline));
            if (context.TraceId is { } trace)
            {
                writer.WriteString("traceId"u8, trace);
            }
            writer.WriteBoolean("coldStart"u8, context.IsColdStart);
            if (context.EventContentType is { } type)
            {
                writer.WriteString("contentType"u8, type);
            }
            if (request is not null)
            {
                writer.WriteStartObject("http"u8);
                writer.WriteString("shape"u8, request.Shape);
                writer.WriteString("method"u8, request.Method);
                writer.WriteString("path"u8, request.Path);
                if (request.RawQueryString is { } raw)
                {
                    writer.WriteString("rawQuery"u8, raw);
                }
                if (request.ClientIp is { } ip)
                {
                    writer.WriteString("clientIp"u8, ip);
                }
                NativeMessages.WritePairs(writer, "query"u8, request.Query);
                NativeMessages.WritePairs(writer, "headers"u8, request.Headers);
                var parameters = new MultiMap(ignoreCase: false);
                foreach ((string key, string value) in request.PathParameters)
                {
                    parameters.Add(key, value);
                }
                NativeMessages.WritePairs(writer, "pathParameters"u8, parameters);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }, request is not null ? request.Body.Span : context.Event.Span);

        NativeBuffer answer = default;
        NativeBuffer error = default;
        int result;
        fixed (byte* bytes = message.WrittenSpan)
        {
            result = _invoke(bytes, message.WrittenCount, &answer, &error);
        }
        Check(result, error, "invoke");
        try
        {
            Apply(context, new ReadOnlyMemory<byte>(new ReadOnlySpan<byte>(answer.Pointer, answer.Length).ToArray()));
        }
        finally
        {
            _free(answer.Pointer);
        }
    }

    private static void Apply(FaaSContext context, ReadOnlyMemory<byte> answer)
    {
        (ReadOnlyMemory<byte> json, ReadOnlyMemory<byte> body) = NativeMessages.ReadFramed(answer);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        switch (NativeMessages.Text(root, "kind"))
        {
            case "error":
                throw new NativeLayerException(NativeMessages.ReadError(root.GetProperty("error")));
            case "http":
                FaaSResponse response = context.Response;
                response.StatusCode = (int)NativeMessages.Number(root, "status");
                NativeMessages.ReadPairs(root, "headers", response.Headers);
                if (root.TryGetProperty("cookies", out JsonElement cookies) && cookies.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement cookie in cookies.EnumerateArray())
                    {
                        response.Cookies.Add(cookie.GetString() ?? string.Empty);
                    }
                }
                response.Write(body.Span);
                context.EncodeHttpResponse();
                break;
            default:
                context.Output.Write(body.Span);
                context.OutputContentType = NativeMessages.Text(root, "contentType");
                break;
        }
    }

    [UnmanagedCallersOnly]
    private static void HostLog(int level, byte* json, int length)
    {
        ILogger? logger = s_hostLogger;
        if (logger is null)
        {
            return; // no layer has been configured yet: nothing was asked to log
        }
        try
        {
            using JsonDocument document = JsonDocument.Parse(new ReadOnlySpan<byte>(json, length).ToArray());
            JsonElement root = document.RootElement;
            var levelValue = (LogEventLevel)Math.Clamp(level, 0, 5);
            ILogger layer = logger.ForContext("Layer", NativeMessages.Text(root, "layer"));
            if (NativeMessages.Text(root, "exception") is { } exception)
            {
                layer.Write(levelValue, "{LayerMessage} ({LayerException})", NativeMessages.Text(root, "message"), exception);
            }
            else
            {
                layer.Write(levelValue, "{LayerMessage}", NativeMessages.Text(root, "message"));
            }
        }
        catch (JsonException)
        {
            // A log line that is not JSON cannot be shown faithfully; losing it is safer than failing the layer's
            // call that is logging (no exception may cross back into native code).
            logger.Warning("A native layer sent a log line that is not JSON; it was dropped");
        }
    }

    /// <summary>The library's hooks, as one engine hook for the phases it declared.</summary>
    private sealed class NativeHook : RuntimeHook
    {
        private readonly NativeLibraryLayer _layer;

        public NativeHook(NativeLibraryLayer layer, HookPhases phases)
            : base(layer.Name, phases) => _layer = layer;

        public override ValueTask BeforeRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) => Phase(HookPhases.BeforeRuntimeStart);

        public override ValueTask AfterRuntimeStartAsync(RuntimeStartContext context, CancellationToken cancellationToken) => Phase(HookPhases.AfterRuntimeStart);

        public override ValueTask BeforeFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) => Phase(HookPhases.BeforeFunctionStart);

        public override ValueTask AfterFunctionStartAsync(FunctionStartContext context, CancellationToken cancellationToken) => Phase(HookPhases.AfterFunctionStart);

        public override ValueTask BeforeInvokeAsync(FaaSContext context)
        {
            _layer.CallInvokeHook(HookPhases.BeforeInvoke, context, null);
            return default;
        }

        public override ValueTask AfterInvokeAsync(FaaSContext context, Exception? error)
        {
            _layer.CallInvokeHook(HookPhases.AfterInvoke, context, error);
            return default;
        }

        public override ValueTask BeforeCloseAsync(CloseContext context, CancellationToken cancellationToken)
        {
            _layer.CallCloseHook(HookPhases.BeforeClose, context);
            return default;
        }

        public override ValueTask AfterCloseAsync(CloseContext context, CancellationToken cancellationToken)
        {
            _layer.CallCloseHook(HookPhases.AfterClose, context);
            return default;
        }

        private ValueTask Phase(HookPhases phase)
        {
            _layer.CallHook(phase);
            return default;
        }
    }

    /// <summary>A handler library, as the function's handler.</summary>
    private sealed class NativeHandler : IFunctionHandler
    {
        private readonly NativeLibraryLayer _layer;

        public NativeHandler(NativeLibraryLayer layer) => _layer = layer;

        public ValueTask InvokeAsync(FaaSContext context)
        {
            _layer.Invoke(context);
            return default;
        }
    }
}
