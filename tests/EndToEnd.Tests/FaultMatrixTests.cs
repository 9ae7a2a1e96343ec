using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;
using Cell = EndToEnd.Tests.FaultMatrix.Cell;

namespace EndToEnd.Tests;

/// <summary>
/// Fills the fault matrix: each row starts the published bootstrap against one platform's emulator with one fault
/// injected, observes what the platform saw, whether the process went on or exited and what it logged, and asserts the
/// observation equals the cell in <see cref="Expectations"/> (which <c>docs/fault-matrix.md</c> is rendered from).
/// </summary>
[Collection(BootstrapCollection.Name)]
public sealed partial class FaultMatrixTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);
    private readonly PublishedBootstrap _bootstrap;
    private readonly string _layers = Path.Combine(Path.GetTempPath(), "faas-fault-layers-" + Guid.NewGuid().ToString("N"));

    public FaultMatrixTests(PublishedBootstrap bootstrap) => _bootstrap = bootstrap;

    public void Dispose()
    {
        if (Directory.Exists(_layers))
        {
            Directory.Delete(_layers, recursive: true);
        }
    }

    private static readonly string[] PollPlatforms = { "aws", "scf", "huawei" };

    private static readonly string SevenMegabytes = "\"" + new string('x', 7 * 1024 * 1024) + "\"";

    /// <summary>How each fault is set up on a poll-model platform; the faulted invocation is queued first, the canary second.</summary>
    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["next-500"] = new("echo", "{\"n\":1}", "{\"n\":2}", Poll: PollFault.InternalServerError),
        ["next-410"] = new("echo", "{\"n\":1}", "{\"n\":2}", Poll: PollFault.Gone),
        ["next-reset"] = new("echo", "{\"n\":1}", "{\"n\":2}", Poll: PollFault.DropConnection),
        ["next-slow"] = new("echo", "{\"n\":1}", "{\"n\":2}", Poll: PollFault.SlowHeaders),
        ["event-truncated"] = new("echo", "{\"n\":1,\"pad\":\"0123456789\"}", "{\"n\":2}", Options: new() { TruncateEvent = true }),
        ["event-malformed"] = new("typed", "{\"Id\":", "{\"Id\":\"o-1\",\"Quantity\":2}"),
        ["event-7mb"] = new("echo", SevenMegabytes, "{\"n\":2}"),
        ["response-500"] = new("echo", "{\"n\":1}", "{\"n\":2}", Options: new() { ResponseFault = ResponseFault.InternalServerError }),
        ["response-reset"] = new("echo", "{\"n\":1}", "{\"n\":2}", Options: new() { ResponseFault = ResponseFault.DropConnection }),
        ["response-410"] = new("echo", "{\"n\":1}", "{\"n\":2}", Options: new() { ResponseFault = ResponseFault.Gone }),
        ["response-413"] = new("echo", "{\"n\":1}", "{\"n\":2}", Options: new() { ResponseFault = ResponseFault.RequestEntityTooLarge }),
        ["handler-throws"] = new("echo", "{\"throw\":\"the order was rejected\"}", "{\"n\":2}"),
        ["handler-hangs"] = new("hang", "{}", "{}", CanaryAnswer: "error Function.Timeout"),
        ["handler-overruns"] = new("overrun", "{}", "{}", CanaryAnswer: "error Function.Timeout"),
        ["handler-oom"] = new("allocate", "{}", "{}", CanaryAnswer: "error System.OutOfMemoryException"),
        ["sigterm-mid-invoke"] = new("sleep", "{\"Ms\":150}", null, WaitFor: "Sleeping 150 ms", Terminate: true, ExitWait: Wait),
        ["layer-throws"] = new("echo", "{\"n\":1}", "{\"n\":2}", Layer: ("throwIn", "BeforeInvoke"), CanaryAnswer: "error System.InvalidOperationException"),
        ["layer-hangs"] = new("echo", "{\"n\":1}", "{\"n\":2}", Layer: ("hangIn", "BeforeInvoke"), CanaryAnswer: "error System.TimeoutException"),
        ["layer-crashes"] = new("echo", "{\"n\":1}", null, Layer: ("crashIn", "BeforeInvoke"), ExitWait: Wait),
    };

    /// <summary>Cells where the fault cannot happen on that platform, with why.</summary>
    internal static readonly Dictionary<(string Fault, string Platform), string> NotApplicable = new();

    /// <summary>The matrix: expected cell per (fault, platform). A pair missing here is "not covered".</summary>
    internal static readonly Dictionary<(string Fault, string Platform), Cell> Expectations = BuildExpectations();

    private static Dictionary<(string, string), Cell> BuildExpectations()
    {
        var cells = new Dictionary<(string, string), Cell>();
        void All(string fault, Cell cell)
        {
            foreach (string platform in PollPlatforms)
            {
                cells[(fault, platform)] = cell;
            }
        }

        All("next-500", new("nothing", "exits 3", "FATAL \"answered 500\""));
        // Huawei's own runtimes wait ~50 ms and poll again after any failed poll.
        cells[("next-500", "huawei")] = new("response", "continues", "WARN \"answered 500 to the poll\"");
        All("next-410", new("nothing", "exits 3", "FATAL \"answered 410\""));
        cells[("next-410", "huawei")] = new("response", "continues", "WARN \"answered 410 to the poll\"");
        All("next-reset", new("response", "continues", "WARN \"polling again\""));
        All("next-slow", new("response", "continues", "quiet"));
        All("event-truncated", new("error Runtime.InvalidEvent", "continues", "ERROR \"its event could not be read\""));
        // SCF re-sends the event that is not answered yet to the next poll.
        cells[("event-truncated", "scf")] = new("delivered 2x: response", "continues", "WARN \"polling again\"");
        All("event-malformed", new("error Runtime.InvalidEvent", "continues", "ERROR \"Runtime.InvalidEvent\""));
        All("event-7mb", new("response, error Function.ResponseSizeTooLarge", "continues", "ERROR \"Function.ResponseSizeTooLarge\""));
        All("response-500", new("response", "exits 3", "FATAL \"server error\""));
        All("response-reset", new("response, response", "continues", "WARN \"retrying on a new connection\""));
        All("response-410", new("response", "continues", "WARN \"already timed out\""));
        // 410 means "invoke timed out" only on AWS; elsewhere it is a refusal of this one result.
        cells[("response-410", "scf")] = new("response", "continues", "ERROR \"refused the result\"");
        cells[("response-410", "huawei")] = new("response", "continues", "ERROR \"refused the result\"");
        All("response-413", new("response, error Function.ResponseSizeTooLarge", "continues", "ERROR \"Function.ResponseSizeTooLarge\""));
        All("handler-throws", new("error Samples.Echo.EchoException", "continues", "ERROR \"Samples.Echo.EchoException\""));
        // Answered 100 ms past the deadline without the handler, which runs on in the background.
        All("handler-hangs", new("error Function.Timeout", "continues", "WARN \"leaving the handler running\""));
        All("handler-overruns", new("error Function.Timeout", "continues", "ERROR \"failed with Function.Timeout\""));
        All("handler-oom", new("error System.OutOfMemoryException", "continues", "ERROR \"OutOfMemoryException\""));
        All("sigterm-mid-invoke", new("response", "exits 0", "INFO \"Close hook ran (SIGTERM)\""));
        All("layer-throws", new("error System.InvalidOperationException", "continues", "ERROR \"failed with System.InvalidOperationException\""));
        All("layer-hangs", new("error System.TimeoutException", "continues", "ERROR \"failed with System.TimeoutException\""));
        // The process is gone before anything can be reported; the platform sees the runtime exit (AWS: Runtime.ExitError).
        All("layer-crashes", new("nothing", "exits 134", "stderr \"probe crashes in BeforeInvoke\""));
        AddServerExpectations(cells, NotApplicable);
        return cells;
    }

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach ((string fault, string platform) in Expectations.Keys.OrderBy(k => k.Fault, StringComparer.Ordinal).ThenBy(k => k.Platform, StringComparer.Ordinal))
        {
            rows.Add(fault, platform);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Fault_OnPlatform_MatchesItsMatrixCell(string fault, string platform)
    {
        Cell expected = Expectations[(fault, platform)];
        (Cell observed, string output) = ServerPlatforms.Contains(platform)
            ? await ObserveServerAsync(ServerScenarios[fault], platform, expected.Log)
            : await ObserveAsync(Scenarios[fault], platform, expected.Log);

        Assert.True(expected == observed, $"expected: {expected.Render()}\nobserved: {observed.Render()}\noutput:\n{output}");
    }

    [Fact]
    public void Matrix_CheckedInFile_IsWhatTheTestsDescribe()
    {
        string path = Path.Combine(RepoPaths.Root, FaultMatrix.DocPath);
        string rendered = FaultMatrix.RenderMarkdown();
        if (Environment.GetEnvironmentVariable(FaultMatrix.UpdateVariable) == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.True(File.Exists(path), $"{FaultMatrix.DocPath} is missing; run with {FaultMatrix.UpdateVariable}=1");
        Assert.Equal(rendered, File.ReadAllText(path));
    }

    [Fact]
    public void Matrix_EveryScenarioHasARowAndEveryCellAFault()
    {
        Assert.All(Expectations.Keys, k =>
        {
            Assert.Contains(k.Fault, FaultMatrix.Faults.Select(f => f.Id));
            Assert.Contains(k.Platform, FaultMatrix.Platforms);
            Assert.True((ServerPlatforms.Contains(k.Platform) ? ServerScenarios : Scenarios).ContainsKey(k.Fault), k.Fault);
            Assert.False(NotApplicable.ContainsKey(k), $"{k} is both covered and not applicable");
        });
    }

    private async Task<(Cell Cell, string Output)> ObserveAsync(Scenario scenario, string platform, string expectedLog)
    {
        await using IRuntimeApiEmulator emulator = await StartEmulatorAsync(platform);
        if (scenario.Poll != PollFault.None)
        {
            emulator.FailNextPoll(scenario.Poll);
        }
        PendingInvocation faulted = emulator.Enqueue(scenario.Event, scenario.Options);
        PendingInvocation? canary = scenario.Canary is null ? null : emulator.Enqueue(scenario.Canary);

        var extra = new List<(string, string)> { ("FAAS_CLOSE_TIMEOUT_MS", scenario.Terminate ? "5000" : "200") };
        if (scenario.Layer is { } layer)
        {
            AddProbeLayer(layer.Setting, layer.Phase);
            extra.Add(("FAAS_LAYERS_DIR", _layers));
        }
        await using BootstrapProcess bootstrap = BootstrapProcess.Start(_bootstrap.Path,
            ServerEnvironment.For(emulator.Environment, scenario.Handler, extra.ToArray()));

        if (scenario.WaitFor is not null)
        {
            await bootstrap.WaitForLineAsync(scenario.WaitFor, Wait);
        }
        if (scenario.ThenWait is { } pause)
        {
            // The fault is time itself: let the invocation's deadline pass.
            await Task.Delay(pause);
        }
        if (scenario.Terminate)
        {
            bootstrap.Terminate();
        }

        string process;
        InvocationOutcome? canaryOutcome = null;
        if (canary is not null)
        {
            Task<int> exit = bootstrap.WaitForExitAsync(Wait);
            await Task.WhenAny(canary.Completion, exit);
            if (canary.Completion.IsCompletedSuccessfully)
            {
                canaryOutcome = canary.Completion.Result;
                process = bootstrap.HasExited ? "exits " + await exit : "continues";
            }
            else
            {
                process = exit.IsCompletedSuccessfully ? "exits " + exit.Result : "no answer to the next invocation";
            }
            _ = exit.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
        else
        {
            try
            {
                process = "exits " + await bootstrap.WaitForExitAsync(scenario.ExitWait ?? TimeSpan.FromMilliseconds(300));
            }
            catch (TimeoutException)
            {
                process = "still running";
            }
        }

        string log = await ObserveLogAsync(bootstrap, expectedLog);

        // Every result post, in order; those before the canary's belong to the faulted invocation.
        RecordedRequest[] posts = emulator.Requests.Where(IsResultPost).ToArray();
        RecordedRequest[] faultedPosts = canaryOutcome is null
            ? posts
            : posts.Where(p => p.Timestamp < canaryOutcome.Request.Timestamp).ToArray();
        if (canaryOutcome is not null)
        {
            // Exactly one outcome for the canary, and it is what the scenario says (the response, unless the fault persists).
            RecordedRequest[] canaryPosts = posts.Except(faultedPosts).ToArray();
            Assert.Single(canaryPosts);
            Assert.Equal(scenario.CanaryAnswer, Describe(canaryPosts[0]));
        }
        string saw = faultedPosts.Length == 0 ? "nothing" : string.Join(", ", faultedPosts.Select(Describe));
        if (faulted.DeliveryCount > 1)
        {
            // SCF hands the same event to every poll until it is answered.
            saw = $"delivered {faulted.DeliveryCount}x: {saw}";
        }
        return (new Cell(saw, process, log), bootstrap.Output);
    }

    private static async Task<IRuntimeApiEmulator> StartEmulatorAsync(string platform) => platform switch
    {
        "aws" => await AwsRuntimeApiEmulator.StartAsync(new AwsEmulatorOptions { Timeout = Deadline }),
        "scf" => await ScfRuntimeApiEmulator.StartAsync(new ScfEmulatorOptions { Timeout = Deadline }),
        "huawei" => await HuaweiRuntimeApiEmulator.StartAsync(new HuaweiEmulatorOptions { Timeout = Deadline }),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "not a poll-model platform"),
    };

    /// <summary>
    /// <paramref name="expected"/> is <c>LEVEL "text"</c> (a line at that level whose message contains text) or
    /// <c>quiet</c> (no line above Information). Returns it when seen, otherwise what was seen instead.
    /// </summary>
    private static async Task<string> ObserveLogAsync(BootstrapProcess bootstrap, string expected)
    {
        if (expected == "quiet")
        {
            string[] loud = bootstrap.LogEvents
                .Where(e => e.GetProperty("level").GetString() is "WARN" or "ERROR" or "FATAL")
                .Select(e => e.GetProperty("level").GetString() + " \"" + e.GetProperty("message").GetString() + "\"")
                .ToArray();
            return loud.Length == 0 ? "quiet" : string.Join(" / ", loud);
        }
        int space = expected.IndexOf(' ', StringComparison.Ordinal);
        string level = expected[..space];
        string text = expected[(space + 2)..^1];
        if (level == "stderr")
        {
            // A crash writes no JSON event: the runtime's own stderr says why.
            bool seen = bootstrap.Lines.Any(l => l.StartsWith("stderr: ", StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal));
            return seen ? expected : "missing " + expected;
        }
        try
        {
            await bootstrap.WaitForLineAsync(text, TimeSpan.FromSeconds(3));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            return "missing " + expected;
        }
        JsonElement? match = bootstrap.LogEvents.FirstOrDefault(e =>
            e.GetProperty("level").GetString() == level
            && (e.GetProperty("message").GetString() ?? "").Contains(text, StringComparison.Ordinal));
        if (match is { ValueKind: JsonValueKind.Object })
        {
            return expected;
        }
        string line = bootstrap.Lines.First(l => l.Contains(text, StringComparison.Ordinal));
        return "other level: " + line;
    }

    private static bool IsResultPost(RecordedRequest request) =>
        request.Method == "POST"
        && !request.Path.Contains("/init/", StringComparison.Ordinal)
        && (request.Path.Contains("/response", StringComparison.Ordinal) || request.Path.Contains("/error", StringComparison.Ordinal));

    private static string Describe(RecordedRequest post)
    {
        if (post.Path.Contains("/response", StringComparison.Ordinal))
        {
            return "response";
        }
        try
        {
            using JsonDocument json = JsonDocument.Parse(post.Body);
            return "error " + (json.RootElement.TryGetProperty("errorType", out JsonElement type) ? type.GetString() : "(no errorType)");
        }
        catch (JsonException)
        {
            return "error (not JSON)";
        }
    }

    private void AddProbeLayer(string setting, string phase)
    {
        string folder = Path.Combine(_layers, "probe");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(_bootstrap.ProbeLayerFolder, "ProbeLayer.so"), Path.Combine(folder, "ProbeLayer.so"));
        var manifest = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(_bootstrap.ProbeLayerFolder, "layer.json")))!;
        ((JsonObject)manifest["settings"]!)[setting] = phase;
        manifest["hookTimeoutMs"] = 200;
        File.WriteAllText(Path.Combine(folder, "layer.json"), manifest.ToJsonString());
    }

    /// <summary>One fault set up on a poll-model platform.</summary>
    private sealed record Scenario(
        string Handler,
        string Event,
        string? Canary,
        InvocationOptions? Options = null,
        PollFault Poll = PollFault.None,
        (string Setting, string Phase)? Layer = null,
        string? WaitFor = null,
        TimeSpan? ThenWait = null,
        bool Terminate = false,
        TimeSpan? ExitWait = null,
        string CanaryAnswer = "response",
        TimeSpan? CallerTimeout = null,
        (int PieceBytes, TimeSpan Pause)? SlowSend = null,
        (int PieceBytes, TimeSpan Pause)? SlowRead = null);
}
