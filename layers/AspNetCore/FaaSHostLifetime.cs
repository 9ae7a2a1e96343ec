using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Runtime.Layers.AspNetCore;

/// <summary>
/// The app's host lifetime when it runs as a function: the bootstrap owns the process (signals, Close), so unlike
/// <c>ConsoleLifetime</c> this registers no signal handlers and writes nothing; the layer starts and stops the host.
/// </summary>
internal sealed class FaaSHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
