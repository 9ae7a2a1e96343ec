using System;
using System.Buffers;
using Runtime.Engine.Buffers;
using Serilog.Core;
using Serilog.Events;

namespace Runtime.Engine.Layers.Native;

/// <summary>
/// Inside a native layer library: sends each log event to the bootstrap that loaded it, through the log callback it
/// passed at init, as <c>{"layer","message","exception"}</c> JSON; the bootstrap writes it with its own logger, so a
/// layer's lines look like every other line. Never throws into the layer.
/// </summary>
internal sealed unsafe class HostLogSink : ILogEventSink
{
    private readonly delegate* unmanaged<int, byte*, int, void> _log;
    private readonly string _layer;

    public HostLogSink(delegate* unmanaged<int, byte*, int, void> log, string layer)
    {
        _log = log;
        _layer = layer;
    }

    public void Emit(LogEvent logEvent)
    {
        if (_log == null)
        {
            return; // the host passed no callback: it asked for no logs
        }
        using var buffer = new PooledBufferWriter(512);
        using (var writer = NativeMessages.Writer(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("layer"u8, _layer);
            writer.WriteString("message"u8, Logging.MessageRenderer.Render(logEvent));
            if (logEvent.Exception is { } exception)
            {
                writer.WriteString("exception"u8, exception.ToString());
            }
            writer.WriteEndObject();
        }
        fixed (byte* bytes = buffer.WrittenSpan)
        {
            _log((int)logEvent.Level, bytes, buffer.WrittenCount);
        }
    }
}
