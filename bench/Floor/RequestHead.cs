namespace Runtime.Floor;

/// <summary>What the server floor takes from a request head: framing, keep-alive, and whether the method is HEAD.</summary>
internal struct RequestHead
{
    public bool IsHead { get; set; }

    /// <summary>-1 when the request has no Content-Length.</summary>
    public long ContentLength { get; set; }

    public bool Chunked { get; set; }

    public bool ExpectContinue { get; set; }

    public bool KeepAlive { get; set; }
}
