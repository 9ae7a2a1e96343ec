using System;
using System.IO;

namespace EndToEnd.Tests;

internal static class Fixtures
{
    public static byte[] Read(string relative) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "events", relative));
}
