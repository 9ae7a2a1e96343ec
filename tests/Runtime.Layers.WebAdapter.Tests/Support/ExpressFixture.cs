using System.Threading.Tasks;
using Xunit;

namespace Runtime.Layers.WebAdapter.Tests.Support;

/// <summary>
/// One Express app behind the layer, shared by the tests of a class: base path <c>/api</c> removed, statuses
/// 500 and 502-504 made invocation errors, readiness on <c>/health</c> with 200-299 healthy.
/// </summary>
public sealed class ExpressFixture : IAsyncLifetime
{
    internal AdapterHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await AdapterHarness.StartAsync(await ExpressApp.SettingsAsync(Some.FreePort(),
            ("AWS_LWA_REMOVE_BASE_PATH", "/api"),
            ("AWS_LWA_ERROR_STATUS_CODES", "500,502-504"),
            ("AWS_LWA_READINESS_CHECK_HEALTHY_STATUS", "200-299")));
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
