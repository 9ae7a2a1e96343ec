using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Runtime.Emulator;
using Xunit;
using Cell = EndToEnd.Tests.FaultMatrix.Cell;

namespace EndToEnd.Tests;

/// <summary>The serve-model columns: the emulator is the platform's caller; the faulted call goes first, the canary second.</summary>
public sealed partial class FaultMatrixTests
{
    // Properties, not fields: the expectation table (another file of this class) reads them during static initialization.
    private static string[] ServerPlatforms => new[] { "alibaba-fc", "azure", "cloud-run", "scf-web", "huawei-http" };

    /// <summary>Faults of a runtime API's answers: a serve-model platform has no runtime API, so the row does not apply.</summary>
    private static string[] RuntimeApiFaults => new[] { "next-500", "next-410", "next-reset", "next-slow", "response-500", "response-410", "response-413" };

    /// <summary>Faults of a platform that calls in: on a poll-model platform the runtime calls out, so the row does not apply.</summary>
    private static string[] CallerFaults => new[] { "caller-slow-send", "caller-slow-read" };

    /// <summary>4 MiB of letters in a pattern that does not repeat within a piece: a lost, doubled or misplaced piece shows.</summary>
    private static string FourMegabytes => s_fourMegabytes ??= string.Create(4 * 1024 * 1024, 0, static (span, _) =>
    {
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = (char)('a' + (i / 7 % 26));
        }
    });

    private static string? s_fourMegabytes;

    private static Dictionary<string, Scenario>? s_serverScenarios;

    private static Dictionary<string, Scenario> ServerScenarios => s_serverScenarios ??= new()
    {
        ["event-truncated"] = new("echo", "{\"n\":1,\"pad\":\"0123456789\"}", "{\"n\":2}", Options: new() { TruncateEvent = true }),
        ["event-malformed"] = Scenarios["event-malformed"],
        ["event-7mb"] = Scenarios["event-7mb"],
        // Every call is slow, the canary too: a runtime that got through one slow call in a bad state fails the second.
        ["caller-slow-send"] = new("echo", "{\"n\":1,\"pad\":\"0123456789\"}", "{\"n\":2}", SlowSend: (8, TimeSpan.FromMilliseconds(2))),
        ["caller-slow-read"] = new("echo", "\"" + FourMegabytes + "\"", "{\"n\":2}", SlowRead: (16 * 1024, TimeSpan.FromMilliseconds(4))),
        ["response-reset"] = new("sleep", "{\"Ms\":300}", "{\"Ms\":1}", CallerTimeout: TimeSpan.FromMilliseconds(100), CanaryAnswer: "response"),
        ["handler-throws"] = Scenarios["handler-throws"],
        ["handler-hangs"] = new("hang", "{}", "{}", CallerTimeout: Deadline + TimeSpan.FromSeconds(2), CanaryAnswer: "error Function.Timeout"),
        ["handler-overruns"] = new("overrun", "{}", "{}", CallerTimeout: Deadline + TimeSpan.FromSeconds(2), CanaryAnswer: "error Function.Timeout"),
        ["handler-oom"] = Scenarios["handler-oom"],
        ["sigterm-mid-invoke"] = Scenarios["sigterm-mid-invoke"],
        ["layer-throws"] = Scenarios["layer-throws"],
        ["layer-hangs"] = Scenarios["layer-hangs"],
        ["layer-crashes"] = Scenarios["layer-crashes"],
    };

    private static void AddServerExpectations(Dictionary<(string, string), Cell> cells, Dictionary<(string, string), string> notApplicable)
    {
        foreach (string platform in PollPlatforms)
        {
            foreach (string fault in CallerFaults)
            {
                notApplicable[(fault, platform)] = "the runtime calls out; the platform does not call in";
            }
        }
        foreach (string platform in ServerPlatforms)
        {
            foreach (string fault in RuntimeApiFaults)
            {
                notApplicable[(fault, platform)] = "the platform calls in; there is no runtime API to answer";
            }
            // FC marks a function error with 404 (and X-Fc-Status); Azure and Cloud Run answer 500 with the error report;
            // web functions answer a bare 500 (the report and its stack trace never go into a web response).
            string Failed(string type) => platform switch
            {
                "alibaba-fc" => "404 error " + type,
                "scf-web" or "huawei-http" => "HTTP 500",
                _ => "500 error " + type,
            };
            cells[("event-truncated", platform)] = new("nothing", "continues", "quiet");
            cells[("event-malformed", platform)] = new(Failed("Runtime.InvalidEvent"), "continues", "ERROR \"failed with Runtime.InvalidEvent\"");
            // No 6 MB limit on a served answer in the runtime; the emulators take it whole.
            cells[("event-7mb", platform)] = new("response", "continues", "quiet");
            // The head may come a few bytes per read: the server parses what it has and waits for the rest.
            cells[("caller-slow-send", platform)] = new("response", "continues", "quiet");
            cells[("caller-slow-read", platform)] = new("response", "continues", "quiet");
            cells[("response-reset", platform)] = new("nothing", "continues", "quiet");
            cells[("handler-throws", platform)] = new(Failed("Samples.Echo.EchoException"), "continues", "ERROR \"failed with Samples.Echo.EchoException\"");
            // The deadline: FC's and Huawei HTTP's own timeout headers, elsewhere FAAS_TIMEOUT (the drivers set it). A
            // handler that ignores it is answered without, 100 ms past it, and runs on in the background.
            cells[("handler-hangs", platform)] = new(Failed("Function.Timeout"), "continues", "WARN \"leaving the handler running\"");
            cells[("handler-overruns", platform)] = new(Failed("Function.Timeout"), "continues", "ERROR \"failed with Function.Timeout\"");
            cells[("handler-oom", platform)] = new(Failed("System.OutOfMemoryException"), "continues", "ERROR \"failed with System.OutOfMemoryException\"");
            cells[("sigterm-mid-invoke", platform)] = new("response", "exits 0", "INFO \"Close hook ran (SIGTERM)\"");
            cells[("layer-throws", platform)] = new(Failed("System.InvalidOperationException"), "continues", "ERROR \"failed with System.InvalidOperationException\"");
            cells[("layer-crashes", platform)] = new("connection closed, no answer", "exits 134", "stderr \"probe crashes in BeforeInvoke\"");
            cells[("layer-hangs", platform)] = new(Failed("System.TimeoutException"), "continues", "ERROR \"failed with System.TimeoutException\"");
        }
    }

    private async Task<(Cell Cell, string Output)> ObserveServerAsync(Scenario scenario, string platform, string expectedLog)
    {
        var caller = new CallerOptions
        {
            RequestTimeout = scenario.CallerTimeout ?? Wait,
            SendPieceBytes = scenario.SlowSend?.PieceBytes ?? 0,
            SendPause = scenario.SlowSend?.Pause ?? TimeSpan.Zero,
            ReadPieceBytes = scenario.SlowRead?.PieceBytes ?? 0,
            ReadPause = scenario.SlowRead?.Pause ?? TimeSpan.Zero,
        };
        await using ServerDriver driver = ServerDriver.Create(platform, caller, scenario.Handler);

        var extra = new List<(string, string)> { ("FAAS_CLOSE_TIMEOUT_MS", scenario.Terminate ? "5000" : "200") };
        if (driver.DeadlineSetting is { } deadline)
        {
            extra.Add(deadline);
        }
        if (scenario.Layer is { } layer)
        {
            AddProbeLayer(layer.Setting, layer.Phase);
            extra.Add(("FAAS_LAYERS_DIR", _layers));
        }
        await using BootstrapProcess bootstrap = BootstrapProcess.Start(_bootstrap.Path,
            ServerEnvironment.For(driver.Emulator.Environment, scenario.Handler, extra.ToArray()));
        // Ready = listening. Not the emulators' readiness request: it reaches the function, so a hang, a crash or (on Cloud
        // Run, where echo calls it an invalid event) an error would happen before the faulted call.
        await bootstrap.WaitForLineAsync("HTTP server listening on", Wait);

        Task<string> faulted;
        if (scenario.Options?.TruncateEvent == true)
        {
            faulted = driver.SendTruncatedAsync(scenario.Event);
        }
        else
        {
            faulted = driver.InvokeAsync(scenario.Event);
        }
        if (scenario.WaitFor is not null)
        {
            await bootstrap.WaitForLineAsync(scenario.WaitFor, Wait);
        }
        if (scenario.Terminate)
        {
            bootstrap.Terminate();
        }
        string saw = await faulted;

        string process;
        if (scenario.Canary is not null && !bootstrap.HasExited)
        {
            string canary = await driver.InvokeAsync(scenario.Canary);
            // Exactly one answer for the canary, and it is what the scenario says (the status before it varies by platform).
            string expectedCanary = platform is "scf-web" or "huawei-http" && scenario.CanaryAnswer != "response" ? "HTTP 500" : scenario.CanaryAnswer;
            Assert.EndsWith(expectedCanary, canary, StringComparison.Ordinal);
            if (scenario.SlowSend is not null || scenario.SlowRead is not null)
            {
                AssertOneIntactAnswerPerCall(driver.Emulator, scenario);
            }
            process = bootstrap.HasExited ? "exits after answering" : "continues";
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
        return (new Cell(saw, process, log), bootstrap.Output);
    }

    /// <summary>
    /// After a slow caller's two calls: two requests, two answers, over one kept-alive connection (the pool takes a
    /// connection again only when nothing more arrived on it, so a second or a stray answer would have opened another),
    /// the faulted call's answer carries its event whole, and the call was as slow as the fault says (its pauses run
    /// one after another, and a pause can end at most one 1 ms clock tick early).
    /// </summary>
    private static void AssertOneIntactAnswerPerCall(IServerPlatformEmulator emulator, Scenario scenario)
    {
        Assert.Equal(2, emulator.Requests.Count);
        Assert.Equal(2, emulator.Responses.Count);
        Assert.Equal(1, emulator.ConnectionsOpened);
        ReceivedResponse faulted = emulator.Responses[0];
        Assert.Same(emulator.Requests[0], faulted.Request);
        string content = scenario.Event.Trim('"');
        Assert.True(faulted.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(content)) >= 0,
            $"the answer ({faulted.Body.Length} bytes) does not carry the {content.Length}-character event whole");
        (int pieceBytes, TimeSpan pause) = scenario.SlowSend ?? scenario.SlowRead!.Value;
        int bytes = scenario.SlowSend is not null ? faulted.Request.RawBytes.Length : faulted.RawBytes.Length;
        int pieces = (bytes + pieceBytes - 1) / pieceBytes;
        Assert.True(faulted.RoundTrip >= (pieces - 1) * (pause - TimeSpan.FromMilliseconds(1)),
            $"{bytes} bytes in {pieces} pieces {pause.TotalMilliseconds} ms apart took only {faulted.RoundTrip.TotalMilliseconds} ms");
    }

    /// <summary>One serve-model platform as the caller of an event function, reduced to "invoke, describe the answer".</summary>
    private sealed class ServerDriver : IAsyncDisposable
    {
        private static readonly KeyValuePair<string, string>[] s_json = { KeyValuePair.Create("Content-Type", "application/json") };
        private readonly string _platform;
        private readonly string _handler;

        private ServerDriver(string platform, string handler, IServerPlatformEmulator emulator)
        {
            _platform = platform;
            _handler = handler;
            Emulator = emulator;
        }

        public IServerPlatformEmulator Emulator { get; }

        /// <summary>FAAS_TIMEOUT where the platform tells the runtime no deadline (FC and Huawei HTTP send theirs, set to the same 1 s).</summary>
        public (string, string)? DeadlineSetting => _platform is "azure" or "cloud-run" or "scf-web"
            ? ("FAAS_TIMEOUT", ((int)Deadline.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;

        public static ServerDriver Create(string platform, CallerOptions caller, string handler) => platform switch
        {
            "alibaba-fc" => new(platform, handler, new AlibabaFcEmulator(new AlibabaFcEmulatorOptions { Caller = caller, Timeout = Deadline })),
            "azure" => new(platform, handler, new AzureFunctionsHostEmulator(new AzureFunctionsHostOptions { Caller = caller })),
            "cloud-run" => new(platform, handler, new CloudRunEmulator(new CloudRunEmulatorOptions { Caller = caller })),
            // Both platforms' ports are fixed; the bootstrap is given a free one through FAAS_PORT.
            "scf-web" => new(platform, handler, new TencentWebEmulator(new TencentWebEmulatorOptions { Caller = caller, PortVariable = "FAAS_PORT" })),
            "huawei-http" => new(platform, handler, new HuaweiHttpEmulator(new HuaweiHttpEmulatorOptions { Caller = caller, PortVariable = "FAAS_PORT", Timeout = Deadline })),
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "not a serve-model platform"),
        };

        /// <summary>Invokes with <paramref name="payload"/>; "response", "error &lt;type&gt;", "HTTP &lt;status&gt;" or "nothing" (the caller gave up).</summary>
        public async Task<string> InvokeAsync(string payload)
        {
            try
            {
                switch (Emulator)
                {
                    case AlibabaFcEmulator fc:
                        FcOutcome outcome = await fc.InvokeAsync(payload);
                        return Describe(outcome.Response);
                    case AzureFunctionsHostEmulator azure:
                        AzureInvocationResult result = await azure.InvokeQueueAsync(_handler, payload);
                        return result.Succeeded ? "response" : Describe(result.Response);
                    case CloudRunEmulator run:
                        var cloudEvent = new CloudEvent
                        {
                            Id = Guid.NewGuid().ToString("N"), Source = "//fault-matrix", Type = "test.fault",
                            DataContentType = "application/json", Data = Encoding.UTF8.GetBytes(payload),
                        };
                        return Describe(await run.SendCloudEventBinaryAsync(cloudEvent));
                    case TencentWebEmulator web:
                        return Describe(await web.SendAsync("POST", "/", s_json, Encoding.UTF8.GetBytes(payload)));
                    case HuaweiHttpEmulator http:
                        return Describe(await http.SendAsync("POST", "/", s_json, Encoding.UTF8.GetBytes(payload)));
                    default:
                        throw new InvalidOperationException(_platform);
                }
            }
            catch (TimeoutException)
            {
                return "nothing";
            }
            catch (System.IO.IOException)
            {
                return "connection closed, no answer";
            }
        }

        /// <summary>Sends the call's head and half its body, then hangs up; "nothing" when no byte came back.</summary>
        public async Task<string> SendTruncatedAsync(string payload)
        {
            byte[] body = Encoding.UTF8.GetBytes(payload);
            string head = $"POST /{(_platform == "alibaba-fc" ? "invoke" : _handler)} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + $"Content-Length: {body.Length}\r\n\r\n";
            byte[] request = Encoding.UTF8.GetBytes(head).Concat(body.Take(body.Length / 2)).ToArray();
            RawExchangeResult raw = await Emulator.SendRawAsync(request, TimeSpan.FromMilliseconds(200));
            return raw.Bytes.Length == 0 ? "nothing" : "HTTP " + Encoding.ASCII.GetString(raw.Bytes).Split(' ')[1];
        }

        private static string Describe(ReceivedResponse response)
        {
            if (response.IsSuccessStatusCode)
            {
                return "response";
            }
            try
            {
                using JsonDocument json = JsonDocument.Parse(response.Body);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errorType", out JsonElement type))
                {
                    return $"{response.StatusCode} error {type.GetString()}";
                }
            }
            catch (JsonException)
            {
                // not a JSON error report: the status says it all
            }
            return "HTTP " + response.StatusCode;
        }

        public ValueTask DisposeAsync() => Emulator.DisposeAsync();
    }
}
