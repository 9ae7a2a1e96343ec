using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Xunit;

namespace Runtime.Layers.WebAdapter.Tests.Support;

/// <summary>
/// The plain ASP.NET Core app (tests/WebAdapter.AspNetApp, built with this project) run out of process by the layer's
/// command setting as <c>dotnet WebAdapter.AspNetApp.dll</c> on a free port, readiness on <c>/health</c>.
/// </summary>
public sealed class AspNetAppFixture : IAsyncLifetime
{
    internal AdapterHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string dll = typeof(AspNetAppFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "AspNetAppPath").Value!;
        dll = Path.GetFullPath(dll);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The test app is built with the tests; build tests/Runtime.Layers.WebAdapter.Tests first.", dll);
        }
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        Harness = await AdapterHarness.StartAsync(new Dictionary<string, string>
        {
            ["FAAS_WEBAPP_COMMAND"] = $"\"{dotnet}\" \"{dll}\"",
            ["FAAS_WEBAPP_PORT"] = Some.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FAAS_WEBAPP_READINESS_PATH"] = "/health",
            ["FAAS_WEBAPP_READINESS_HEALTHY_STATUS"] = "200",
            ["FAAS_WEBAPP_READINESS_TIMEOUT_SECONDS"] = "90",
            ["FAAS_WEBAPP_ERROR_STATUS_CODES"] = "500-599",
        });
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
