namespace Runtime.Light.Logging;

/// <summary>How log events are written to stdout.</summary>
internal enum LogFormat
{
    /// <summary>One JSON object per line (Lambda's JSON log format; the default everywhere).</summary>
    Json,

    /// <summary>One tab-separated text line per event (Lambda's Text log format).</summary>
    Text,
}
