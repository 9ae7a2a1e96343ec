using System.Collections.Generic;

namespace Runtime.ColdStart;

/// <summary>What is measured, in table order.</summary>
internal static class Subjects
{
    public const string FloorName = "floor";

    public static IReadOnlyList<Subject> All { get; } = new[]
    {
        new Subject("echo", "samples/Echo/Echo.csproj", "bootstrap",
            "samples/Echo published with light-runtime/build/Function.props: the product's bootstrap with the echo handler"),
        new Subject(FloorName, "bench/Floor/Floor.csproj", "floor",
            "the floor, one executable for every platform. Poll platforms: raw Socket (NoDelay) with blocking calls on the main thread, one keep-alive connection, echoes each event. Server platforms: a listening Socket on 127.0.0.1 and the platform's port (FAAS_PORT, else FC_CUSTOM_LISTEN_PORT, FUNCTIONS_CUSTOMHANDLER_PORT or PORT), one thread per accepted connection with blocking calls (NoDelay), a minimal keep-alive HTTP/1.1 server (Content-Length and chunked request bodies, pipelining, Expect: 100-continue) answering every request with 200 and the request body; on FC it adds x-fc-status: 200, on Azure it answers a payload with the fixed envelope {\"Outputs\":{},\"Logs\":[],\"ReturnValue\":null} (Content-Type: application/json). Nothing else (no Date header, no timeouts)"),
        new Subject("floor-httpclient", "bench/FloorHttpClient/FloorHttpClient.csproj", "floor-httpclient",
            "the floor's poll loop on HttpClient + SocketsHttpHandler (UseProxy = false, no timeout), async as a runtime would use it; so against the floor it differs in sync vs async as well as in the transport. Poll platforms only: a server platform has no client side to measure",
            pollOnly: true),
    };
}
