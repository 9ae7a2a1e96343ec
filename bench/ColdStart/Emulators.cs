using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.ColdStart;

/// <summary>A fresh emulator of a platform, with its defaults (handler "echo") and without the request journal.</summary>
internal static class Emulators
{
    public static async Task<IRuntimeApiEmulator> StartAsync(Platform platform, CancellationToken cancellationToken) =>
        platform == Platform.Aws
            ? await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { RecordRequests = false }, cancellationToken).ConfigureAwait(false)
            : await ScfRuntimeApiEmulator.StartAsync(new ScfEmulatorOptions { RecordRequests = false }, cancellationToken).ConfigureAwait(false);

    public static string Name(Platform platform) => platform == Platform.Aws ? "aws" : "scf";
}
