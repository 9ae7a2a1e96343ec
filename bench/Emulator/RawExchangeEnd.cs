namespace Runtime.Emulator;

/// <summary>How a <c>SendRawAsync</c> exchange ended.</summary>
public enum RawExchangeEnd
{
    /// <summary>The server closed the connection (FIN) after its last byte.</summary>
    ServerClosed,

    /// <summary>The server reset the connection (RST).</summary>
    ConnectionReset,

    /// <summary>The timeout passed with the connection still open.</summary>
    Timeout,
}
