using System;
using System.Collections.Generic;
using System.Linq;

namespace Runtime.ColdStart;

/// <summary>What is measured, in table order.</summary>
internal static class Subjects
{
    public const string FloorName = "floor";
    public const string EchoName = "echo";

    /// <summary>The probe layer in silent mode: hooks for every phase that do nothing (its manifest takes the name given).</summary>
    public static LayerPackage Probe { get; } = new("probe", "tests/ProbeLayer/ProbeLayer.csproj", "ProbeLayer.so");

    /// <summary>The metrics layer, with the layer.json it publishes.</summary>
    public static LayerPackage Metrics { get; } = new("metrics", "layers/Metrics/Runtime.Layers.Metrics.csproj", "Runtime.Layers.Metrics.so");

    private static readonly Subject s_echo = new(EchoName, "samples/Echo/Echo.csproj", "bootstrap",
        "samples/Echo published with light-runtime/build/Function.props: the product's bootstrap with the echo handler");

    public static IReadOnlyList<Subject> All { get; } = new[]
    {
        s_echo,
        new Subject(FloorName, "bench/Floor/Floor.csproj", "floor",
            "the floor, one executable for every platform. Poll platforms: raw Socket (NoDelay) with blocking calls on the main thread, one keep-alive connection, echoes each event. Server platforms: a listening Socket on 127.0.0.1 and the platform's port (FAAS_PORT, else FC_CUSTOM_LISTEN_PORT, FUNCTIONS_CUSTOMHANDLER_PORT or PORT), one thread per accepted connection with blocking calls (NoDelay), a minimal keep-alive HTTP/1.1 server (Content-Length and chunked request bodies, pipelining, Expect: 100-continue) answering every request with 200 and the request body; on FC it adds x-fc-status: 200, on Azure it answers a payload with the fixed envelope {\"Outputs\":{},\"Logs\":[],\"ReturnValue\":null} (Content-Type: application/json). Nothing else (no Date header, no timeouts)"),
        new Subject("floor-httpclient", "bench/FloorHttpClient/FloorHttpClient.csproj", "floor-httpclient",
            "the floor's poll loop on HttpClient + SocketsHttpHandler (UseProxy = false, no timeout), async as a runtime would use it; so against the floor it differs in sync vs async as well as in the transport. Poll platforms only: a server platform has no client side to measure",
            pollOnly: true),
        new Subject("echo+1layer", s_echo, SilentProbes(1),
            "the echo bootstrap with one native layer whose hooks do nothing: tests/ProbeLayer published with -p:NativeLayer=true (layers/Layer.props), in FAAS_LAYERS_DIR as probe1/ with a layer.json whose settings are {\"silent\": true} (a hook for every phase, each doing nothing)"),
        new Subject("echo+3layers", s_echo, SilentProbes(3),
            "the echo bootstrap with three such layers: three copies of the silent probe's library, as probe1/, probe2/, probe3/ (each takes the name its manifest gives it, and has a runtime of its own)"),
        new Subject("echo+metrics", s_echo, new[] { new LayerCopy("metrics", Metrics, null) },
            "the echo bootstrap with the metrics layer: layers/Metrics published with -p:NativeLayer=true, with the layer.json it publishes (order -1000, failure open, settings {\"memory\": \"rss\"}); it writes one EMF line per invocation to stdout, which the harness drains"),
    };

    /// <summary>The peers, measured with --peers only: the same echo function run other ways, and Node.js starters.</summary>
    public static IReadOnlyList<Subject> Peers { get; } = new[]
    {
        new Subject("echo-jit", PeerSetup.PublishJit, "echo-jit", "bootstrap.dll", "dotnet", null, null,
            "the same samples/Echo on the JIT: published with -p:PublishAot=false -p:SelfContained=false (framework-dependent, no ReadyToRun; Function.props' other settings stay) and started as `dotnet bootstrap.dll` with the same environment; size = its publish folder, the shared .NET runtime not counted"),
        new Subject("shell-curl", PeerSetup.Copy, "shell-curl", "bootstrap", null, Platform.Aws,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["_HANDLER"] = "function.handler", ["LAMBDA_TASK_ROOT"] = "{dir}", ["TMPDIR"] = "{dir}/tmp" },
            "the AWS docs' reference custom runtime (bench/Peers/shell-curl: the documented bash + curl loop, handler reduced to an echo); aws only; RSS is bash's own (each curl is a short-lived child); size = the two scripts, bash and curl not counted"),
        new Subject("midway-scf", PeerSetup.NpmCi, "midway", "scf-bootstrap.js", "node", Platform.Scf, null,
            "@midwayjs/serverless-scf-starter 3.4.0 with a trivial echo handler, behind a minimal Node.js custom runtime on SCF's protocol (bench/Peers/midway/scf-bootstrap.js: init the handler, POST init/ready, poll next, post the response); scf only; ready = the first poll, after midway's start(); size = the folder with node_modules (shared with midway-fc), node not counted"),
        new Subject("midway-fc", PeerSetup.NpmCi, "midway", "fc-bootstrap.js", "node", Platform.Fc, null,
            "@midwayjs/serverless-fc-starter 3.4.3 with a trivial echo handler, behind a minimal Node.js custom runtime on FC's protocol (bench/Peers/midway/fc-bootstrap.js: run the initializer, then an http server on FC_CUSTOM_LISTEN_PORT answering POST /invoke with x-fc-status 200); fc only; size = the folder with node_modules (shared with midway-scf), node not counted"),
    };

    /// <summary>The default run's subjects, then the peers.</summary>
    public static IEnumerable<Subject> Everything => All.Concat(Peers);

    /// <summary>The layer packages the layered subjects in <paramref name="subjects"/> need, each once.</summary>
    public static IReadOnlyList<LayerPackage> PackagesOf(IEnumerable<Subject> subjects) =>
        subjects.SelectMany(static s => s.Layers).Select(static l => l.Package).Distinct().ToList();

    private static LayerCopy[] SilentProbes(int count)
    {
        var copies = new LayerCopy[count];
        for (int i = 0; i < count; i++)
        {
            string name = "probe" + (i + 1);
            copies[i] = new LayerCopy(name, Probe,
                "{\"name\":\"" + name + "\",\"version\":\"1.0.0\",\"abiVersion\":1,\"library\":\"ProbeLayer.so\",\"order\":" + (10 + i)
                + ",\"failure\":\"closed\",\"settings\":{\"silent\":true}}");
        }

        return copies;
    }
}
