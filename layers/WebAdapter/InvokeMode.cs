namespace Runtime.Layers.WebAdapter;

/// <summary>How the app's answer goes back (<c>AWS_LWA_INVOKE_MODE</c>).</summary>
internal enum InvokeMode
{
    /// <summary>The whole answer is read, then returned: the only mode the engine has.</summary>
    Buffered,

    /// <summary>Accepted for drop-in use; served buffered, since the engine's response is buffered (see README).</summary>
    ResponseStream,
}
