namespace Runtime.Layers.Metrics;

/// <summary>How the layer writes its per-invocation line (the <c>format</c> setting).</summary>
internal enum MetricsFormat
{
    /// <summary>CloudWatch Embedded Metric Format: one JSON document per line, which CloudWatch Logs turns into metrics.</summary>
    Emf,

    /// <summary>One flat JSON object per line, for the log services of the other clouds.</summary>
    Json,
}
