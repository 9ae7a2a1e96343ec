using System;
using System.Text.Json;

namespace Runtime.Soak;

/// <summary>
/// One <c>FAAS_DIAGNOSTICS_GC</c> line of the bootstrap (light-runtime/Hosting/GcDiagnosticsHook.cs): its own count of
/// invocations, its collection counts per generation, the GC heap size after the last collection and the bytes it
/// has allocated so far.
/// </summary>
internal sealed record GcLine(long Invocations, int Gen0, int Gen1, int Gen2, long HeapBytes, long AllocatedBytes)
{
    private const string Marker = "\"GC after ";

    /// <summary>Parses a JSON log line; null when it is not a GC line.</summary>
    public static GcLine? TryParse(string line)
    {
        if (!line.Contains(Marker, StringComparison.Ordinal))
        {
            return null;
        }

        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        return new GcLine(
            root.GetProperty("Invocations").GetInt64(),
            root.GetProperty("Gen0").GetInt32(),
            root.GetProperty("Gen1").GetInt32(),
            root.GetProperty("Gen2").GetInt32(),
            root.GetProperty("HeapBytes").GetInt64(),
            root.GetProperty("AllocatedBytes").GetInt64());
    }
}
