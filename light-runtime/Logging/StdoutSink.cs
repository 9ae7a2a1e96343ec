using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Runtime.Engine.Buffers;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace Runtime.Light.Logging;

/// <summary>
/// Writes each event as one line on stdout, in Lambda's JSON shape (<c>timestamp</c>, <c>level</c>, <c>message</c>,
/// <c>requestId</c>, then the event's other properties and the exception as <c>errorType</c>/<c>errorMessage</c>/
/// <c>stackTrace</c>) or as one tab-separated text line. One write per event, so a line is never split between
/// threads and nothing waits in a buffer when the platform freezes the process.
/// </summary>
internal sealed class StdoutSink : ILogEventSink
{
    private static readonly JsonWriterOptions s_jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _output;
    private readonly LogFormat _format;
    private readonly PooledBufferWriter _buffer = new(1024);
    private readonly StringBuilder _message = new(256);
    private readonly object _lock = new();

    public StdoutSink(Stream output, LogFormat format)
    {
        _output = output;
        _format = format;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            _buffer.Reset(64 * 1024);
            try
            {
                if (_format == LogFormat.Json)
                {
                    WriteJson(logEvent);
                }
                else
                {
                    WriteText(logEvent);
                }
                _buffer.Write("\n"u8);
                _output.Write(_buffer.WrittenSpan);
                _output.Flush();
            }
            catch (IOException ex)
            {
                // stdout is gone (closed pipe): there is nowhere left to log to, and a logging failure must never
                // fail an invocation. Serilog's SelfLog is the documented place for sink failures.
                SelfLog.WriteLine("stdout sink failed: {0}", ex.Message);
            }
        }
    }

    internal static string LevelName(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "TRACE",
        LogEventLevel.Debug => "DEBUG",
        LogEventLevel.Information => "INFO",
        LogEventLevel.Warning => "WARN",
        LogEventLevel.Error => "ERROR",
        _ => "FATAL",
    };

    private void WriteJson(LogEvent logEvent)
    {
        using var json = new Utf8JsonWriter(_buffer, s_jsonOptions);
        json.WriteStartObject();
        json.WriteString("timestamp"u8, logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("level"u8, LevelName(logEvent.Level));
        json.WriteString("message"u8, RenderMessage(logEvent));
        if (logEvent.Properties.TryGetValue("RequestId", out LogEventPropertyValue? requestId))
        {
            json.WritePropertyName("requestId"u8);
            WriteValue(json, requestId);
        }
        foreach ((string name, LogEventPropertyValue value) in logEvent.Properties)
        {
            if (name == "RequestId")
            {
                continue;
            }
            json.WritePropertyName(name);
            WriteValue(json, value);
        }
        if (logEvent.Exception is { } exception)
        {
            json.WriteString("errorType"u8, exception.GetType().FullName);
            json.WriteString("errorMessage"u8, exception.Message);
            json.WriteStartArray("stackTrace"u8);
            foreach (string line in exception.ToString().Split('\n'))
            {
                string trimmed = line.TrimEnd('\r');
                if (trimmed.Length > 0)
                {
                    json.WriteStringValue(trimmed);
                }
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.Flush();
    }

    private void WriteText(LogEvent logEvent)
    {
        var line = new StringBuilder(256);
        line.Append(logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        line.Append('\t').Append(LevelName(logEvent.Level)).Append('\t');
        line.Append(logEvent.Properties.TryGetValue("RequestId", out LogEventPropertyValue? id) && id is ScalarValue { Value: string s } ? s : "-");
        line.Append('\t').Append(RenderMessage(logEvent));
        if (logEvent.Exception is { } exception)
        {
            line.Append('\t').Append(exception.ToString());
        }
        // Lambda's Text format treats each line as one event; CR keeps a multi-line exception in one event.
        line.Replace("\r\n", "\r").Replace('\n', '\r');
        string text = line.ToString();
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        _buffer.Advance(Encoding.UTF8.GetBytes(text, _buffer.GetSpan(max)));
    }

    private string RenderMessage(LogEvent logEvent) => Runtime.Engine.Logging.MessageRenderer.Render(logEvent, _message);

    private static void WriteValue(Utf8JsonWriter json, LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: null }:
                json.WriteNullValue();
                break;
            case ScalarValue { Value: string s }:
                json.WriteStringValue(s);
                break;
            case ScalarValue { Value: bool b }:
                json.WriteBooleanValue(b);
                break;
            case ScalarValue { Value: int i }:
                json.WriteNumberValue(i);
                break;
            case ScalarValue { Value: long l }:
                json.WriteNumberValue(l);
                break;
            case ScalarValue { Value: ulong ul }:
                json.WriteNumberValue(ul);
                break;
            case ScalarValue { Value: double d } when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case ScalarValue { Value: float f } when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case ScalarValue { Value: decimal m }:
                json.WriteNumberValue(m);
                break;
            case ScalarValue { Value: IFormattable formattable }:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case SequenceValue sequence:
                json.WriteStartArray();
                foreach (LogEventPropertyValue element in sequence.Elements)
                {
                    WriteValue(json, element);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(value.ToString(null, CultureInfo.InvariantCulture));
                break;
        }
    }
}
