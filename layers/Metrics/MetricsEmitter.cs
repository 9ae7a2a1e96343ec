using System.IO;
using System.Text.Json;
using System.Threading;
using Runtime.Engine.Buffers;
using Runtime.Engine.Json;

namespace Runtime.Layers.Metrics;

/// <summary>
/// Writes each invocation's line with exactly one <see cref="Stream.Write(System.ReadOnlySpan{byte})"/>, at once:
/// the platform may freeze or end the process after the response without running Close (on AWS a runtime gets
/// SIGTERM only when an extension is registered), so nothing may wait in a buffer. One reused buffer and one reused
/// <see cref="Utf8JsonWriter"/>, under a lock, so concurrent invocations write whole lines, one after another, and
/// a steady invocation allocates nothing here. A failed write propagates: the layer's failure policy decides whether it
/// fails the invocation (closed, the default) or is logged and skipped (open).
/// </summary>
internal sealed class MetricsEmitter
{
    /// <summary>
    /// ASCII JSON (<see cref="AsciiJsonEncoder"/>): the inbox relaxed encoder builds a table of every code point at its first
    /// use, which as a native layer lands on the function's first invocation.
    /// </summary>
    private static readonly JsonWriterOptions s_options = new() { Encoder = AsciiJsonEncoder.Instance };

    private readonly Stream _output;
    private readonly IMetricsFormat _format;
    private readonly PooledBufferWriter _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private readonly Lock _lock = new();

    public MetricsEmitter(Stream output, IMetricsFormat format)
    {
        _output = output;
        _format = format;
        _json = new Utf8JsonWriter(_buffer, s_options);
    }

    public void Emit(in InvocationRecord record)
    {
        lock (_lock)
        {
            _buffer.Reset(64 * 1024);
            _json.Reset(_buffer);
            _format.Write(_json, in record);
            _json.Flush();
            _buffer.Write("\n"u8);
            _output.Write(_buffer.WrittenSpan);
            _output.Flush();
        }
    }
}
