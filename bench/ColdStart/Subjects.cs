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
            "the floor: raw Socket (NoDelay) with blocking calls on the main thread, one keep-alive connection, echoes each event; nothing else"),
        new Subject("floor-httpclient", "bench/FloorHttpClient/FloorHttpClient.csproj", "floor-httpclient",
            "the floor's loop on HttpClient + SocketsHttpHandler (UseProxy = false, no timeout), async as a runtime would use it; so against the floor it differs in sync vs async as well as in the transport"),
    };
}
