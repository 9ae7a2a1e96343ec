using System;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// Inside a native layer library: the layer's own services, built on the first request for one instead of at init. A
/// layer made of hooks that never ask for a service (most of them) then never builds a container, which is part of
/// what a layer costs its function's start (docs/benchmarks.md, Layers). The collection is closed once the layer is
/// configured, so building later sees exactly what building at init would have.
/// </summary>
internal sealed class DeferredServiceProvider : IServiceProvider, IDisposable
{
    private readonly Lazy<ServiceProvider> _provider;

    public DeferredServiceProvider(IServiceCollection services) =>
        _provider = new Lazy<ServiceProvider>(services.BuildServiceProvider, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether the container has been built.</summary>
    public bool IsCreated => _provider.IsValueCreated;

    public object? GetService(Type serviceType) => _provider.Value.GetService(serviceType);

    public void Dispose()
    {
        if (_provider.IsValueCreated)
        {
            _provider.Value.Dispose();
        }
    }
}
