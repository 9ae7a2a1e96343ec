using System;
using System.IO;

namespace Runtime.Light.Tests;

/// <summary>Reads the shared event fixtures (tests/fixtures/events, copied byte for byte from shared/fixtures).</summary>
internal static class Fixture
{
    public static byte[] Bytes(string relative) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "events", relative));
}
