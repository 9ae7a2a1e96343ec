using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;

namespace EndToEnd.Tests;

/// <summary>
/// Layers stacked onto the published native bootstrap at deploy time: the probe layer (tests/ProbeLayer) published as
/// a native library, unpacked into a layers folder with its layer.json, found and loaded at RuntimeStart.
/// </summary>
[Collection(BootstrapCollection.Name)]
public sealed class LayerEndToEndTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PublishedBootstrap _bootstrap;
    private readonly string _layers = Path.Combine(Path.GetTempPath(), "faas-layers-" + Guid.NewGuid().ToString("N"));

    public LayerEndToEndTests(PublishedBootstrap bootstrap)
    {
        _bootstrap = bootstrap;
        Directory.CreateDirectory(_layers);
    }

    public void Dispose() => Directory.Delete(_layers, recursive: true);

    /// <summary>Unpacks the probe as layer <paramref name="name"/>, with manifest fields changed by <paramref name="edit"/>.</summary>
    private void AddProbe(string name, Action<JsonObject>? edit = null, bool copyLibrary = true)
    {
        string folder = Path.Combine(_layers, name);
        Directory.CreateDirectory(folder);
        if (copyLibrary)
        {
            File.Copy(Path.Combine(_bootstrap.ProbeLayerFolder, "ProbeLayer.so"), Path.Combine(folder, "ProbeLayer.so"));
        }
        var manifest = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(_bootstrap.ProbeLayerFolder, "layer.json")))!;
        manifest["name"] = name;
        edit?.Invoke(manifest);
        File.WriteAllText(Path.Combine(folder, "layer.json"), manifest.ToJsonString());
    }

    private static void Set(JsonObject manifest, string setting, string value) =>
        ((JsonObject)manifest["settings"]!)[setting] = value;

    private BootstrapProcess Start(AwsRuntimeApiEmulator aws, string handler = "echo") =>
        BootstrapProcess.Start(_bootstrap.Path, ServerEnvironment.For(aws.Environment, handler, ("FAAS_LAYERS_DIR", _layers)));

    [Fact]
    public async Task NativeLayer_HooksRunAroundEveryInvocationAndTheStackIsLogged()
    {
        AddProbe("probe");
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue("""{"x":1}""");
        await using BootstrapProcess process = Start(aws);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.Equal("""{"x":1}""", outcome.BodyText);
        await process.WaitForLineAsync($"probe probe AfterInvoke {pending.RequestId}");
        Assert.Contains($"probe probe BeforeInvoke {pending.RequestId}", process.Output);
        Assert.Contains("probe probe AfterFunctionStart", process.Output);
        Assert.Contains("Layers, outermost first: probe 1.0.0 (order 10", process.Output);
    }

    [Fact]
    public async Task NativeLayer_SeesTheInvocationsStartFromTheBootstrap()
    {
        // The library builds a fresh context for each hook call; its StartTimestamp must still be the bootstrap's start
        // of the invocation (sent as startedNs), so AfterInvoke after a 150 ms handler sees at least 150 ms, not ~0.
        AddProbe("probe");
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue("""{"Ms":150}""");
        await using BootstrapProcess process = Start(aws, "sleep");

        await pending.Completion.WaitAsync(Wait);

        string line = await process.WaitForLineAsync($"probe probe AfterInvoke {pending.RequestId} after ");
        System.Text.RegularExpressions.Match elapsed = System.Text.RegularExpressions.Regex.Match(line, @"after (\d+) ms");
        Assert.True(elapsed.Success, line);
        Assert.InRange(int.Parse(elapsed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 150, 60_000);
    }

    [Fact]
    public async Task SeveralLayers_StackByOrderThenName()
    {
        AddProbe("zulu", m => m["order"] = 5);
        AddProbe("alpha", m => m["order"] = 5);
        AddProbe("first", m => m["order"] = 1);
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue("{}");
        await using BootstrapProcess process = Start(aws);
        await pending.Completion.WaitAsync(Wait);

        string stack = await process.WaitForLineAsync("Layers, outermost first");

        Assert.Matches("first .*alpha .*zulu ", stack);
        string before = string.Join('\n', process.Lines.Where(l => l.Contains("BeforeInvoke", StringComparison.Ordinal)));
        Assert.Matches("probe first BeforeInvoke(.|\n)*probe alpha BeforeInvoke(.|\n)*probe zulu BeforeInvoke", before);
    }

    [Fact]
    public async Task HandlerLayer_ServesTheInvocations()
    {
        AddProbe("probe", m => Set(m, "handler", "true"));
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue("""{"order":3}""");
        PendingInvocation http = aws.Enqueue(Fixtures.Read("aws/function-url-get.json"));
        await using BootstrapProcess process = Start(aws);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);
        InvocationOutcome answer = await http.Completion.WaitAsync(Wait);

        Assert.Equal("""probe:{"order":3}""", outcome.BodyText);
        using JsonDocument json = JsonDocument.Parse(answer.Body);
        Assert.Equal("probe GET /", json.RootElement.GetProperty("body").GetString());
        Assert.Equal("1", json.RootElement.GetProperty("headers").GetProperty("X-Probe").GetString());
    }

    public static IEnumerable<object[]> StartFailures() => new[]
    {
        new object[] { "missing library", (Action<LayerEndToEndTests>)(t => t.AddProbe("probe", copyLibrary: false)), "Layer 'probe' cannot be loaded: its library" },
        new object[] { "wrong ABI", (Action<LayerEndToEndTests>)(t => t.AddProbe("probe", m => m["abiVersion"] = 2)), "layer ABI version 2; this bootstrap speaks version 1" },
        new object[] { "bad manifest", (Action<LayerEndToEndTests>)(t => { t.AddProbe("probe"); File.WriteAllText(Path.Combine(t._layers, "probe", "layer.json"), "{ \"name\": "); }), "layer.json' is not valid JSON" },
        new object[] { "duplicate names", (Action<LayerEndToEndTests>)(t => { t.AddProbe("one"); t.AddProbe("two", m => m["name"] = "one"); }), "Two layers are named 'one'" },
        new object[] { "throws in Configure", (Action<LayerEndToEndTests>)(t => t.AddProbe("probe", m => Set(m, "throwIn", "Configure"))), "probe fails in Configure" },
        new object[] { "throws in BeforeRuntimeStart", (Action<LayerEndToEndTests>)(t => t.AddProbe("probe", m => Set(m, "throwIn", "BeforeRuntimeStart"))), "probe fails in BeforeRuntimeStart" },
        new object[] { "throws in AfterFunctionStart", (Action<LayerEndToEndTests>)(t => t.AddProbe("probe", m => Set(m, "throwIn", "AfterFunctionStart"))), "probe fails in AfterFunctionStart" },
        new object[] { "managed plugin in a native bootstrap", (Action<LayerEndToEndTests>)(t => t.AddProbe("probe", m => m["library"] = "ProbeLayer.dll")), "a native-AOT bootstrap cannot load" },
    };

    [Theory]
    [MemberData(nameof(StartFailures))]
    public async Task BrokenLayer_FailsTheStartWithOneInitErrorNamingIt(string what, Action<LayerEndToEndTests> setup, string expected)
    {
        setup(this);
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        await using BootstrapProcess process = Start(aws);

        InitErrorReport report = await aws.InitError.WaitAsync(Wait);

        Assert.Contains(expected, report.BodyText);
        Assert.Equal(1, await process.WaitForExitAsync());
        Assert.True(what.Length > 0);
    }

    [Theory]
    [InlineData("BeforeInvoke")]
    [InlineData("AfterInvoke")]
    public async Task LayerThrowsAtInvoke_Closed_TheInvocationFailsNamingItAndServingGoesOn(string phase)
    {
        AddProbe("probe", m => Set(m, "throwIn", phase));
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation first = aws.Enqueue("{}");
        PendingInvocation second = aws.Enqueue("{}");
        await using BootstrapProcess process = Start(aws);

        InvocationOutcome a = await first.Completion.WaitAsync(Wait);
        InvocationOutcome b = await second.Completion.WaitAsync(Wait);

        Assert.True(a.IsError);
        Assert.Contains($"probe fails in {phase}", a.BodyText);
        Assert.Contains("hook 'probe'", a.BodyText);
        Assert.True(b.IsError);
    }

    [Fact]
    public async Task LayerThrowsAtInvoke_Open_TheFunctionAnswersAndTheFailureIsLogged()
    {
        AddProbe("probe", m => { Set(m, "throwIn", "BeforeInvoke"); m["failure"] = "open"; });
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue("""{"ok":1}""");
        await using BootstrapProcess process = Start(aws);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.Equal("""{"ok":1}""", outcome.BodyText);
        await process.WaitForLineAsync("going on without it (failure: open)");
    }

    [Fact]
    public async Task MissingLibrary_Open_TheFunctionStartsWithoutTheLayer()
    {
        AddProbe("probe", m => m["failure"] = "open", copyLibrary: false);
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue("""{"ok":2}""");
        await using BootstrapProcess process = Start(aws);

        Assert.Equal("""{"ok":2}""", (await pending.Completion.WaitAsync(Wait)).BodyText);
        await process.WaitForLineAsync("Layer probe is left out");
    }

    [Fact]
    public async Task LayerHangsInAHook_TheTimeLimitFailsThatInvocation()
    {
        AddProbe("probe", m => { Set(m, "hangIn", "BeforeInvoke"); m["hookTimeoutMs"] = 200; });
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        PendingInvocation pending = aws.Enqueue("{}");
        await using BootstrapProcess process = Start(aws);

        InvocationOutcome outcome = await pending.Completion.WaitAsync(Wait);

        Assert.True(outcome.IsError);
        Assert.Contains("Layer 'probe' did not finish BeforeInvoke within 200 ms", outcome.BodyText);
    }

    [Fact]
    public async Task LayerThrowsAtClose_CloseStillFinishesAndExitsZero()
    {
        AddProbe("probe", m => Set(m, "throwIn", "BeforeClose"));
        await using var aws = await AwsRuntimeApiEmulator.StartAsync();
        await using BootstrapProcess process = Start(aws);
        await aws.FirstPoll.WaitAsync(Wait);

        process.Terminate();

        Assert.Equal(0, await process.WaitForExitAsync());
        Assert.Contains("probe fails in BeforeClose", process.Output);
        Assert.Contains("Close hook ran (SIGTERM)", process.Output);
    }
}
