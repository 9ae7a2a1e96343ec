using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Runtime.Engine;
using Runtime.Engine.Http;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// The ASP.NET Core server of a function: no socket, no port. <see cref="StartAsync{TContext}"/> (called by the host
/// when the app starts) only keeps the app's <see cref="IHttpApplication{TContext}"/>; each invocation then becomes one
/// request through it (<see cref="ProcessAsync"/>). Any number of invocations may run at once.
/// </summary>
internal sealed class FaaSServer : IServer
{
    private readonly FaaSServerOptions _options;
    private readonly string? _pathBase;
    private volatile IRequestRunner? _runner;

    public FaaSServer(FaaSServerOptions options, RuntimeLoggerProvider? logs)
    {
        _options = options;
        Logs = logs;
        if (!string.IsNullOrEmpty(options.PathBase) && options.PathBase != "/")
        {
            // Validated once here so a bad setting fails at start, naming itself, not on the first request.
            string trimmed = options.PathBase.TrimEnd('/');
            _pathBase = new PathString(trimmed.StartsWith('/') ? trimmed : "/" + trimmed).Value;
        }
    }

    /// <inheritdoc />
    public IFeatureCollection Features { get; } = new FeatureCollection();

    /// <summary>Where the app's logs go, when <see cref="FaaSServerOptions.ForwardLogs"/> is on.</summary>
    public RuntimeLoggerProvider? Logs { get; }

    /// <summary>Whether the app is started (between the host's StartAsync and StopAsync).</summary>
    public bool IsStarted => _runner is not null;

    /// <inheritdoc />
    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        ArgumentNullException.ThrowIfNull(application);
        if (_runner is not null)
        {
            throw new InvalidOperationException("The FaaS server is already started.");
        }
        _runner = new HttpApplicationRunner<TContext>(application);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _runner = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => _runner = null;

    /// <summary>Runs one invocation through the app: <paramref name="request"/> in, <paramref name="response"/> out.</summary>
    public async Task ProcessAsync(FaaSContext context, FaaSRequest request, FaaSResponse response)
    {
        IRequestRunner runner = _runner ?? throw new InvalidOperationException(
            "The ASP.NET Core app is not started: it starts at FunctionStart (layer 'aspnetcore') and stops at Close.");
        var features = new FaaSHttpFeatures(context, request, response, _options, _pathBase);
        try
        {
            await runner.RunAsync(features).ConfigureAwait(false);
        }
        finally
        {
            features.Release();
        }
    }
}
