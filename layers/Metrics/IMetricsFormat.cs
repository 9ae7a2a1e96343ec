using System.Text.Json;

namespace Runtime.Layers.Metrics;

/// <summary>Writes one invocation's record as one JSON object (the emitter adds the newline and does the one write).</summary>
internal interface IMetricsFormat
{
    void Write(Utf8JsonWriter json, in InvocationRecord record);
}
