using System;
using System.Threading;
using System.Threading.Tasks;
using Runtime.Emulator;

namespace Runtime.ColdStart;

/// <summary>A fresh emulator of a poll platform, with its defaults (handler "echo") and without the request journal.</summary>
internal static class Emulators
{
    public static async Task<IRuntimeApiEmulator> StartAsync(Platform platform, CancellationToken cancellationToken) => platform switch
    {
        Platform.Aws => await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { RecordRequests = false }, cancellationToken).ConfigureAwait(false),
        Platform.Scf => await ScfRuntimeApiEmulator.StartAsync(new ScfEmulatorOptions { RecordRequests = false }, cancellationToken).ConfigureAwait(false),
        Platform.Huawei => await HuaweiRuntimeApiEmulator.StartAsync(new HuaweiEmulatorOptions { RecordRequests = false }, cancellationToken).ConfigureAwait(false),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "not a poll platform (see ServerTarget)"),
    };
}
