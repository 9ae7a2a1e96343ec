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
