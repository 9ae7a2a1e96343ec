using System;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Runtime.Engine.Layers;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// Runs an ASP.NET Core app as the function: the app starts at FunctionStart and stops at Close, and every
/// invocation is one request through its pipeline (the layer is the function's handler). The app must have been built
/// with <see cref="FaaSServerExtensions.UseFaaS(Microsoft.AspNetCore.Builder.WebApplicationBuilder, Action{FaaSServerOptions}?)"/>
/// (or <see cref="FaaSServerExtensions.AddFaaSServer"/>), which makes its server a <c>FaaSServer</c>.
/// </summary>
public sealed class AspNetCoreLayer : FaaSLayer
{
    /// <summary>The layer's name, in logs and errors.</summary>
    public const string LayerName = "aspnetcore";

    private readonly IHost _host;

    /// <summary>Creates the layer for <paramref name="host"/> (a <c>WebApplication</c> or any host running the web app), built but not started.</summary>
    public AspNetCoreLayer(IHost host) => _host = host ?? throw new ArgumentNullException(nameof(host));

    /// <inheritdoc />
    public override string Name => LayerName;

    /// <inheritdoc />
    public override void Configure(LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FaaSServer server = _host.Services.GetService<IServer>() as FaaSServer
            ?? throw new InvalidOperationException(
                "The ASP.NET Core app's server is not the FaaS server: call builder.UseFaaS() (or services.AddFaaSServer()) before Build(), " +
                "and do not configure Kestrel or another server after it.");
        server.Logs?.Attach(context.Logger);
        context.AddHook(new AspNetCoreHostHook(_host));
        context.UseHandler(_ => new AspNetCoreFunction(server));
    }
}
