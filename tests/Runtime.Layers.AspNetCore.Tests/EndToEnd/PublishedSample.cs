using System.Threading.Tasks;
using Xunit;

namespace Runtime.Layers.AspNetCore.Tests.EndToEnd;

/// <summary>samples/AspNetCoreApp published as a native-AOT bootstrap, once per test run.</summary>
public sealed class PublishedSample : IAsyncLifetime
{
    public string Path { get; private set; } = string.Empty;

    public async Task InitializeAsync() => Path = await PublishedApp.PublishAsync("samples/AspNetCoreApp/AspNetCoreApp.csproj", "sample");

    public Task DisposeAsync() => Task.CompletedTask;
}
