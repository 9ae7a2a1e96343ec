using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Runtime.Emulator;

/// <summary>
/// Replaces the default ConsoleLifetime: an emulator is a component inside a test or CLI process and must not hook
/// Ctrl-C/SIGTERM (that belongs to the host process, e.g. the CLI forwards SIGTERM to its child bootstrap).
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
