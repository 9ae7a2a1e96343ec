namespace Runtime.Layers.WebAdapter;

/// <summary>How the layer decides that the app is ready (<c>AWS_LWA_READINESS_CHECK_PROTOCOL</c>).</summary>
internal enum ReadinessProtocol
{
    /// <summary>An HTTP GET on the readiness path answers with a healthy status.</summary>
    Http,

    /// <summary>A TCP connection to the readiness port is accepted.</summary>
    Tcp,
}
