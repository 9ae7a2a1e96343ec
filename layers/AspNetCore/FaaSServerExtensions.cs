using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Runtime.Layers.AspNetCore;

/// <summary>Makes an ASP.NET Core app runnable as a function (its server becomes the in-process FaaS server).</summary>
public static class FaaSServerExtensions
{
    /// <summary>
    /// Replaces the app's server (Kestrel) with the FaaS server and its console lifetime with one that leaves the
    /// process to the bootstrap; with <see cref="FaaSServerOptions.ForwardLogs"/> (the default) the app logs through the
    /// runtime's logger. Call it after <c>CreateSlimBuilder</c>/<c>CreateBuilder</c> and before <c>Build()</c>, then add
    /// the built app to the function with <c>Layers.AddAspNetCore(app)</c>.
    /// </summary>
    public static WebApplicationBuilder UseFaaS(this WebApplicationBuilder builder, Action<FaaSServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new FaaSServerOptions();
        configure?.Invoke(options);
        RuntimeLoggerProvider? logs = null;
        if (options.ForwardLogs)
        {
            logs = new RuntimeLoggerProvider();
            builder.Logging.ClearProviders();
            builder.Logging.Services.AddSingleton<ILoggerProvider>(logs);
            // As the ASP.NET Core templates' appsettings do: per-request Information events from the framework would
            // otherwise be two log lines per invocation. The app's own configuration can still lower it.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }
        AddServer(builder.Services, options, logs);
        return builder;
    }

    /// <summary>
    /// Registers the FaaS server in place of any other server, for hosts built without <see cref="WebApplicationBuilder"/>
    /// (a generic host with <c>ConfigureWebHost</c>). Logging is left as configured.
    /// </summary>
    public static IServiceCollection AddFaaSServer(this IServiceCollection services, Action<FaaSServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new FaaSServerOptions { ForwardLogs = false };
        configure?.Invoke(options);
        AddServer(services, options, null);
        return services;
    }

    private static void AddServer(IServiceCollection services, FaaSServerOptions options, RuntimeLoggerProvider? logs)
    {
        services.RemoveAll<IServer>();
        services.AddSingleton<IServer>(_ => new FaaSServer(options, logs));
        services.RemoveAll<IHostLifetime>();
        services.AddSingleton<IHostLifetime>(static _ => new FaaSHostLifetime());
    }
}
