using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Runtime.Engine.Errors;
using Runtime.Engine.Functions.Aggregation;
using Runtime.Engine.Layers;
using Runtime.Engine.Lifecycle;
using Runtime.Light.Adapters;
using Runtime.Light.Logging;
using Runtime.Light.Triggers;
using Serilog.Core;
using Serilog.Events;

namespace Runtime.Light.Hosting;

/// <summary>
/// The bootstrap's main sequence: read the environment once, detect the platform, configure logging and the GC,
/// run RuntimeStart and FunctionStart (reporting an init error the platform's way if either fails), serve until
/// SIGTERM or a broken platform, then Close within the platform's grace period.
/// </summary>
internal static class LightHost
{
    public static async Task<int> RunAsync(FunctionAppBuilder builder, IEnvironment environment, Stream stdout, CancellationToken stop)
    {
        long started = Stopwatch.GetTimestamp();
        var settings = new SettingsReader(environment);
        IPlatformAdapter adapter;
        Logger? logger = null;
        int gcPercent = settings.Int(RuntimeEnv.GcHeapPercent, 75, 10, 100);
        try
        {
            string platform = PlatformDetector.Detect(settings);
            adapter = PlatformDetector.Create(platform, environment, settings,
                memoryMb => ApplyGcLimit(memoryMb, gcPercent, environment, logger));
        }
        catch (ConfigurationException ex)
        {
            using Logger early = LogSetup.Create(stdout, LogFormat.Json, LogEventLevel.Information);
            early.Fatal("Cannot start: {Reason}", ex.Message);
            return ExitCodes.NoPlatform;
        }

        await using (adapter.ConfigureAwait(false))
        {
            LogFormat format = settings.Format(RuntimeEnv.LogFormat) ?? adapter.PlatformLogFormat ?? LogFormat.Json;
            LogEventLevel level = settings.Level(RuntimeEnv.LogLevel) ?? adapter.PlatformLogLevel ?? LogEventLevel.Information;
            int closeMs = settings.Int(RuntimeEnv.CloseTimeoutMs, (int)adapter.DefaultCloseTimeout.TotalMilliseconds, 0, 10 * 60 * 1000);
            string? explicitHandler = settings.String(RuntimeEnv.Handler);
            string? handler = explicitHandler ?? adapter.PlatformHandler;
            int gcEvery = settings.Int(RuntimeEnv.DiagnosticsGc, 0, 0, int.MaxValue);
            int graceMs = settings.Int(RuntimeEnv.DeadlineGraceMs, (int)FunctionRuntime.DefaultDeadlineGrace.TotalMilliseconds, 0, 60 * 1000);
            using Logger log = LogSetup.Create(stdout, format, level);
            logger = log;

            if (settings.Problems.Count > 0)
            {
                var config = new ConfigurationException(settings.Problems);
                log.Fatal("Cannot start: {Reason}", config.Message);
                await adapter.ReportInitErrorAsync(FaaSErrorFactory.FromException(config), log, stop).ConfigureAwait(false);
                return ExitCodes.StartFailed;
            }

            if (gcEvery > 0)
            {
                // Registered only when asked for: off, the invoke path has no hook to run (bench/Soak reads these lines).
                builder.Hooks.Add(new GcDiagnosticsHook(gcEvery, log));
            }

            FunctionInfo function = adapter.DescribeFunction(handler);
            ApplyGcLimit(function.MemoryLimitMb, gcPercent, environment, log);
            await using var runtime = new FunctionRuntime(builder, function, log, handler, explicitHandler is not null, environment.Get)
            {
                TriggerNames = TriggerNameReader.Instance,
                LogLayerStackAtStart = false, // logged below, once the first poll is on the wire
                DeadlineGrace = TimeSpan.FromMilliseconds(graceMs),
            };
            try
            {
                // RuntimeStart: the layers stacked onto this function at deploy time join the ones compiled in.
                string layers = settings.String(RuntimeEnv.LayersDirectory) ?? RuntimeEnv.DefaultLayersDirectory;
                try
                {
                    LayerLoader.LoadInto(builder.Layers, layers, log);
                }
                catch (LayerLoadException ex)
                {
                    throw new LifecyclePhaseException(LifecyclePhase.RuntimeStart, $"layer '{ex.LayerName}'", ex);
                }
                // An aggregation group's manifest: several functions in this one instance, routed by path and trigger.
                try
                {
                    ReadManifest(builder, settings, log);
                }
                catch (AggregationException ex)
                {
                    throw new LifecyclePhaseException(LifecyclePhase.RuntimeStart, "aggregation manifest", ex);
                }
                await runtime.StartRuntimeAsync(stop).ConfigureAwait(false);
                await runtime.StartFunctionAsync(stop).ConfigureAwait(false);
            }
            catch (LifecyclePhaseException ex)
            {
                log.Fatal(ex, "{Phase} failed in {Source}", ex.Phase, ex.Source);
                await adapter.ReportInitErrorAsync(FaaSErrorFactory.FromException(ex), log, stop).ConfigureAwait(false);
                return ExitCodes.StartFailed;
            }
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop);
            string reason = "stop requested";
            void OnSignal(PosixSignalContext context)
            {
                context.Cancel = true; // Close first, then exit with our own code
                reason = context.Signal.ToString();
                stopping.Cancel();
            }
            PosixSignalRegistration? sigterm = null;
            PosixSignalRegistration? sigint = null;
            void Ready()
            {
                // Runs once the platform has been told the runtime is ready (the first poll is on the wire; on the
                // server platforms, just before the port opens) and before the first event is read, so the signal
                // handlers (a thread of their own) do not delay the poll but are in place before anything is served.
                // A SIGTERM before this point ends the process the default way, without Close: nothing has been
                // served yet.
                sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
                sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            }

            TimeSpan closeBudget = TimeSpan.FromMilliseconds(closeMs);
            Task<ServeOutcome> serving = adapter.ServeAsync(runtime, log, Ready, stopping.Token);
            if (runtime.LayerStack is { } stack)
            {
                FunctionRuntime.LogLayers(log.ForContext<FunctionRuntime>(), stack);
            }
            log.Information("Started {Function} on {Platform} in {ElapsedMs:F1} ms", runtime.FunctionName, adapter.Platform,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            ServeOutcome outcome;
            try
            {
                outcome = await serving.WaitAsync(Timeout.InfiniteTimeSpan, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                try
                {
                    // Let an invocation in flight finish and post its result, within the grace period.
                    outcome = await serving.WaitAsync(closeBudget).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    log.Warning("An invocation was still running when the grace period ended; closing without it");
                    outcome = ServeOutcome.Stopped;
                }
            }
            await runtime.CloseAsync(outcome == ServeOutcome.Stopped ? reason : "platform failure", closeBudget).ConfigureAwait(false);
            sigterm?.Dispose();
            sigint?.Dispose();
            log.Information("Closed ({Reason})", outcome == ServeOutcome.Stopped ? reason : "platform failure");
            return outcome == ServeOutcome.Stopped ? ExitCodes.Ok : ExitCodes.PlatformFailed;
        }
    }

    /// <summary>
    /// Reads the manifest <c>FAAS_MANIFEST</c> names (it must exist), else the one beside the executable if there is one,
    /// unless the binary set <see cref="FunctionAppBuilder.Aggregation"/> itself and <c>FAAS_MANIFEST</c> is unset.
    /// </summary>
    private static void ReadManifest(FunctionAppBuilder builder, SettingsReader settings, Serilog.ILogger log)
    {
        string? path = settings.String(RuntimeEnv.Manifest);
        if (path is null)
        {
            if (builder.Aggregation is not null)
            {
                return;
            }
            string beside = Path.Combine(AppContext.BaseDirectory, AggregationManifestReader.FileName);
            if (!File.Exists(beside))
            {
                return;
            }
            path = beside;
        }
        builder.Aggregation = AggregationManifestReader.Load(path);
        log.Debug("Read the aggregation manifest {Path}: {FunctionCount} functions", path, builder.Aggregation.Functions.Count);
    }

    private static void ApplyGcLimit(int memoryMb, int percent, IEnvironment environment, Logger? logger)
    {
        ulong limit = GcLimits.Apply(memoryMb, percent, environment);
        if (limit > 0)
        {
            logger?.Debug("GC heap hard limit set to {LimitMb} MB ({Percent}% of {MemoryMb} MB)", limit / (1024 * 1024), percent, memoryMb);
        }
    }
}
