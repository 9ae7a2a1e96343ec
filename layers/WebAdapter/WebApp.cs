using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Engine;
using Serilog;

namespace Runtime.Layers.WebAdapter;

/// <summary>
/// The web app as the layer sees it: the process (when the layer starts it), the readiness state, and the pooled
/// keep-alive loopback client every invocation goes through. One per function; a singleton in the function's services,
/// so the service provider's disposal stops the app even when the start failed and Close never ran.
/// </summary>
internal sealed class WebApp : IAsyncDisposable
{
    private static readonly TimeSpan s_noteEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_attemptLimit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_attemptMinimum = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_exitAttribution = TimeSpan.FromMilliseconds(500);

    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ReadinessProbe _probe;
    private AppProcess? _process;
    private Task? _ready;

    public WebApp(string layerName, WebAdapterSettings settings, ILogger logger)
    {
        LayerName = layerName;
        Settings = settings;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            // Loopback to one app: no proxy, no cookie jar (Set-Cookie must reach the client), no redirects followed, no
            // decompression (the app's bytes and Content-Encoding pass through), and no trace headers added.
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ActivityHeadersPropagator = null,
            PooledConnectionIdleTimeout = settings.PoolIdleTimeout,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            // Header values travel as UTF-8 both ways, as API gateways deliver them, instead of failing on non-ASCII.
            RequestHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
            ResponseHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        };
        // The invocation's deadline bounds each request; the client adds no timeout of its own.
        Client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        BaseAddress = "http://127.0.0.1:" + settings.Port.ToString(CultureInfo.InvariantCulture);
        _probe = new ReadinessProbe(Client, settings);
    }

    public string LayerName { get; }

    public WebAdapterSettings Settings { get; }

    /// <summary>The pooled keep-alive client to the app.</summary>
    public HttpClient Client { get; }

    /// <summary><c>http://127.0.0.1:port</c>, without a trailing '/'.</summary>
    public string BaseAddress { get; }

    /// <summary>The readiness check, described.</summary>
    public string ReadinessCheck => _probe.Description;

    /// <summary>
    /// FunctionStart: starts the app when a command is configured, then waits until it is ready (or, with async init,
    /// at most the async-init budget, leaving the rest of the wait to the first invocations). A start that fails kills
    /// the app it started and throws <see cref="WebAppException"/> naming the layer and the check.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_ready is not null)
        {
            throw new InvalidOperationException($"Layer '{LayerName}': the app was started twice.");
        }
        long started = Stopwatch.GetTimestamp();
        if (Settings.Command is { } command)
        {
            _process = AppProcess.Start(LayerName, command, Settings.WorkingDirectory, Settings.Port, _logger);
        }
        else
        {
            _logger.Information("No command set: waiting for an app started elsewhere ({Check})", _probe.Description);
        }
        Task ready = WaitReadyAsync(started, _stopping.Token);
        _ready = ready;
        if (!Settings.AsyncInit)
        {
            await ready.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        try
        {
            await ready.WaitAsync(Settings.AsyncInitBudget, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Async init (AWS_LWA_ASYNC_INIT): start ends here; the check goes on and invocations wait for it.
            _logger.Information("The app is not ready after {BudgetMs} ms; FunctionStart completes and invocations wait for readiness (async init)",
                Settings.AsyncInitBudget.TotalMilliseconds);
        }
    }

    /// <summary>Completes when the app is ready; throws the readiness failure, if there was one, on every call.</summary>
    public ValueTask EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        Task? ready = _ready;
        if (ready is { IsCompletedSuccessfully: true })
        {
            return default;
        }
        if (ready is null)
        {
            throw new InvalidOperationException($"Layer '{LayerName}': invoked before FunctionStart started the app.");
        }
        return new ValueTask(ready.WaitAsync(cancellationToken));
    }

    /// <summary>Throws when the app the layer started has exited: it is not restarted, so the instance cannot serve.</summary>
    public void ThrowIfExited()
    {
        if (_process is { HasExited: true } process)
        {
            throw ExitedAfterStart(process, null);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns once the answer's headers are in. A failure becomes one
    /// <see cref="WebAppException"/> naming the layer and the request: a timeout at the deadline, the app's exit when
    /// its process ended, otherwise the failed connection.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, FaaSContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(request, context, ex);
        }
        catch (HttpRequestException ex)
        {
            throw await FailedAsync(request, ex, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The invocation ran out of time (or the runtime is shutting down) while the app had the request.</summary>
    public WebAppException TimedOut(HttpRequestMessage request, FaaSContext context, Exception inner) =>
        new(WebAppErrorTypes.Timeout,
            $"Layer '{LayerName}': the app did not answer {Describe(request)} before the invocation's " +
            (context.CancelledByDeadline ? "deadline." : "end (the runtime is shutting down)."), inner);

    /// <summary>The connection failed mid-request: names the app's exit when its process ended meanwhile.</summary>
    public async Task<WebAppException> FailedAsync(HttpRequestMessage request, Exception inner, CancellationToken cancellationToken = default)
    {
        if (_process is { } process)
        {
            // A dropped connection is often the app dying: give its exit a moment to be seen, so the error says so.
            await Task.WhenAny(process.Exited, Task.Delay(s_exitAttribution, cancellationToken)).ConfigureAwait(false);
            if (process.HasExited)
            {
                return ExitedAfterStart(process, inner, request);
            }
        }
        return new WebAppException(WebAppErrorTypes.ConnectionFailed,
            $"Layer '{LayerName}': the connection to the app failed during {Describe(request)}: {inner.Message}", inner);
    }

    /// <summary>Close: stops the app it started (SIGTERM, then SIGKILL after the grace period or the close deadline).</summary>
    public async Task StopAsync(DateTimeOffset deadline, CancellationToken cancellationToken = default)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_process is { } process)
        {
            TimeSpan left = deadline - DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(100);
            TimeSpan grace = left < Settings.StopTimeout ? left : Settings.StopTimeout;
            await process.StopAsync(grace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Kills the app if it still runs and closes the pooled connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_process is { } process)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }
        Client.Dispose();
        _stopping.Dispose();
    }

    private async Task WaitReadyAsync(long started, CancellationToken cancellationToken = default)
    {
        TimeSpan? limit = Settings.ReadinessTimeout;
        TimeSpan nextNote = s_noteEvery;
        int attempts = 0;
        string? lastSeen = null;
        while (true)
        {
            if (_process is { HasExited: true } process)
            {
                throw Report(new WebAppException(WebAppErrorTypes.Exited,
                    $"Layer '{LayerName}': the app ({process.Program}) exited with code {process.ExitCode} before it became ready; " +
                    $"readiness check: {_probe.Description}."));
            }
            // The last attempt is cut to the time left (at least a short minimum), so the limit holds.
            TimeSpan attemptLimit = s_attemptLimit;
            bool cut = false;
            if (limit is { } overall && overall - Stopwatch.GetElapsedTime(started) is var left && left < attemptLimit)
            {
                attemptLimit = left > s_attemptMinimum ? left : s_attemptMinimum;
                cut = true;
            }
            attempts++;
            string? seen = await _probe.CheckOnceAsync(attemptLimit, cancellationToken).ConfigureAwait(false);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            if (seen is null)
            {
                _logger.Information("The app is ready after {ElapsedMs:F0} ms and {Attempts} check(s): {Check}", elapsed.TotalMilliseconds, attempts,
                    _probe.Description);
                return;
            }
            // An attempt cut short says little: report what the previous full attempt saw, when there was one.
            lastSeen = cut && lastSeen is not null && seen.StartsWith("no answer", StringComparison.Ordinal) ? lastSeen : seen;
            if (limit is { } bound && elapsed >= bound)
            {
                _process?.Kill();
                throw Report(new WebAppException(WebAppErrorTypes.NotReady,
                    $"Layer '{LayerName}': the app did not become ready within {bound.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s " +
                    $"(readiness timeout): {_probe.Description}; {attempts} check(s), the last saw {lastSeen}."));
            }
            if (elapsed >= nextNote)
            {
                _logger.Warning("The app is not ready after {ElapsedMs:F0} ms: {Check}; the last check saw {Seen}", elapsed.TotalMilliseconds,
                    _probe.Description, seen);
                nextNote += s_noteEvery;
            }
            await Task.Delay(Settings.ReadinessInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>With async init nobody may be waiting on the start, so the failure is logged where it happens.</summary>
    private WebAppException Report(WebAppException failure)
    {
        if (Settings.AsyncInit)
        {
            _logger.Error(failure, "The app did not become ready (async init); every invocation fails with this");
        }
        return failure;
    }

    private WebAppException ExitedAfterStart(AppProcess process, Exception? inner, HttpRequestMessage? request = null) =>
        new(WebAppErrorTypes.Exited,
            $"Layer '{LayerName}': the app ({process.Program}, process {process.Id.ToString(CultureInfo.InvariantCulture)}) exited with code " +
            $"{process.ExitCode.ToString(CultureInfo.InvariantCulture)}{(request is null ? "" : " during " + Describe(request))}; " +
            "it is not restarted, so every invocation of this instance fails until the platform replaces it.", inner);

    private static string Describe(HttpRequestMessage request) => request.Method.Method + " " + request.RequestUri!.AbsolutePath;
}
